package io.eddy.runtime.graph;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.datastream.OutputTag;
import io.eddy.core.dag.ops.OperatorSpec;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain as a task builds it.
 *
 * @param name operator name
 * @param uid user-given stable id, or null
 * @param spec what the operator does
 * @param stateKeySelector key of a keyed operator, or null
 * @param outputSerializer serializer of the main output (for copies on fan-out), or null
 * @param chainedOutputs operators of the same chain fed by this one
 * @param networkOutputs network outputs ({@link VertexConfig#outputs()} indices) fed by this one
 * @param stateKeySelector2 key of a keyed two-input operator's second input, or null
 * @param operatorId the id its state has in checkpoints (uid or generated)
 * @param stateKeySerializer serializer of the state key of a keyed operator, or null
 */
public record OperatorConfig(
    String name,
    String uid,
    OperatorSpec spec,
    KeySelector<?, ?> stateKeySelector,
    TypeSerializer<?> outputSerializer,
    List<ChainedOutput> chainedOutputs,
    List<NetworkOutputRef> networkOutputs,
    KeySelector<?, ?> stateKeySelector2,
    String operatorId,
    TypeSerializer<?> stateKeySerializer)
    implements Serializable {

  /** A one-input operator (or a two-input one whose second input has no key). */
  public OperatorConfig(
      String name,
      String uid,
      OperatorSpec spec,
      KeySelector<?, ?> stateKeySelector,
      TypeSerializer<?> outputSerializer,
      List<ChainedOutput> chainedOutputs,
      List<NetworkOutputRef> networkOutputs) {
    this(
        name,
        uid,
        spec,
        stateKeySelector,
        outputSerializer,
        chainedOutputs,
        networkOutputs,
        null,
        uid != null ? uid : name,
        null);
  }

  /** An edge to operator {@code operatorIndex} of the same chain, for a side output if tagged. */
  public record ChainedOutput(int operatorIndex, OutputTag<?> tag) implements Serializable {}

  /** An edge to network output {@code outputIndex}, for a side output if tagged. */
  public record NetworkOutputRef(int outputIndex, OutputTag<?> tag) implements Serializable {}
}
