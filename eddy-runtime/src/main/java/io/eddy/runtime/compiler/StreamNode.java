package io.eddy.runtime.compiler;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.dag.ChainingStrategy;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.runtime.graph.SourceSpec;
import java.util.ArrayList;
import java.util.List;

/** One operator of the stream graph, with its resolved parallelism and edges. */
public final class StreamNode {
  private final int id;
  private final String name;
  private final String uid;
  private final OperatorSpec operator;
  private final int parallelism;
  private final int maxParallelism;
  private final String slotSharingGroup;
  private final ChainingStrategy chainingStrategy;
  private final TypeSerializer<?> outputSerializer;
  private final KeySelector<?, ?> stateKeySelector;
  private KeySelector<?, ?> stateKeySelector2;
  private TypeSerializer<?> stateKeySerializer;
  private String operatorId;
  private final List<StreamEdge> inEdges = new ArrayList<>();
  private final List<StreamEdge> outEdges = new ArrayList<>();

  public StreamNode(
      int id,
      String name,
      String uid,
      OperatorSpec operator,
      int parallelism,
      int maxParallelism,
      String slotSharingGroup,
      ChainingStrategy chainingStrategy,
      TypeSerializer<?> outputSerializer,
      KeySelector<?, ?> stateKeySelector) {
    this.id = id;
    this.name = name;
    this.uid = uid;
    this.operator = operator;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.slotSharingGroup = slotSharingGroup;
    this.chainingStrategy = chainingStrategy;
    this.outputSerializer = outputSerializer;
    this.stateKeySelector = stateKeySelector;
  }

  public int getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getUid() {
    return uid;
  }

  /**
   * The id the operator's state is stored under in checkpoints and savepoints: its uid, or an id
   * generated from its place in the graph (stable for the same program, not across changes).
   */
  public String getOperatorId() {
    return operatorId;
  }

  void setOperatorId(String operatorId) {
    this.operatorId = operatorId;
  }

  /** Serializer of the state key of a keyed operator, or null. */
  public TypeSerializer<?> getStateKeySerializer() {
    return stateKeySerializer;
  }

  public void setStateKeySerializer(TypeSerializer<?> stateKeySerializer) {
    this.stateKeySerializer = stateKeySerializer;
  }

  public OperatorSpec getOperator() {
    return operator;
  }

  public boolean isSource() {
    return operator instanceof SourceSpec;
  }

  public int getParallelism() {
    return parallelism;
  }

  public int getMaxParallelism() {
    return maxParallelism;
  }

  public String getSlotSharingGroup() {
    return slotSharingGroup;
  }

  public ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }

  public TypeSerializer<?> getOutputSerializer() {
    return outputSerializer;
  }

  public KeySelector<?, ?> getStateKeySelector() {
    return stateKeySelector;
  }

  /** The state key of a keyed two-input operator's second input, or null. */
  public KeySelector<?, ?> getStateKeySelector2() {
    return stateKeySelector2;
  }

  public void setStateKeySelector2(KeySelector<?, ?> stateKeySelector2) {
    this.stateKeySelector2 = stateKeySelector2;
  }

  /** Whether the operator has two logical inputs (it is never chained to its inputs). */
  public boolean isTwoInput() {
    return inEdges.stream().anyMatch(e -> e.typeNumber() != 0);
  }

  public List<StreamEdge> getInEdges() {
    return inEdges;
  }

  public List<StreamEdge> getOutEdges() {
    return outEdges;
  }

  @Override
  public String toString() {
    return name + "#" + id + "(p=" + parallelism + ")";
  }
}
