package io.eddy.runtime.compiler;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.dag.ChainingStrategy;
import io.eddy.core.dag.PartitionSpec;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.OperatorConfig;
import io.eddy.runtime.graph.OperatorConfig.ChainedOutput;
import io.eddy.runtime.graph.OperatorConfig.NetworkOutputRef;
import io.eddy.runtime.graph.UserCodeSerialization;
import io.eddy.runtime.graph.VertexConfig;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compiles a {@link StreamGraph} into a {@link JobGraph}: chains operators that can share a thread
 * (forward edge, same parallelism, single input, same slot sharing group, chaining allowed on both
 * sides) and turns the remaining edges into network exchanges.
 */
public final class JobGraphBuilder {
  private final StreamGraph streamGraph;

  /** Node id → (vertex index, operator index in the chain). */
  private final Map<Integer, int[]> placement = new HashMap<>();

  private final List<List<StreamNode>> chains = new ArrayList<>();

  private JobGraphBuilder(StreamGraph streamGraph) {
    this.streamGraph = streamGraph;
  }

  public static JobGraph build(StreamGraph streamGraph) {
    return new JobGraphBuilder(streamGraph).build();
  }

  /** Whether {@code edge}'s target runs in the same task as its source. */
  public static boolean isChainable(StreamEdge edge, StreamGraph graph) {
    StreamNode up = graph.getNode(edge.sourceId());
    StreamNode down = graph.getNode(edge.targetId());
    return down.getInEdges().size() == 1
        && edge.typeNumber() == 0 // a two-input operator always heads its own task
        && edge.partitioning().kind() == PartitionSpec.Kind.FORWARD
        && up.getParallelism() == down.getParallelism()
        && down.getChainingStrategy() == ChainingStrategy.ALWAYS
        && up.getChainingStrategy() != ChainingStrategy.NEVER
        && up.getSlotSharingGroup().equals(down.getSlotSharingGroup())
        && !down.isSource();
  }

  private JobGraph build() {
    for (StreamNode node : streamGraph.getNodes()) {
      List<StreamEdge> in = node.getInEdges();
      if (in.size() == 1 && isChainable(in.get(0), streamGraph)) {
        int[] upstream = placement.get(in.get(0).sourceId());
        List<StreamNode> chain = chains.get(upstream[0]);
        placement.put(node.getId(), new int[] {upstream[0], chain.size()});
        chain.add(node);
      } else {
        placement.put(node.getId(), new int[] {chains.size(), 0});
        List<StreamNode> chain = new ArrayList<>();
        chain.add(node);
        chains.add(chain);
      }
    }

    List<JobEdge> edges = new ArrayList<>();
    List<List<VertexConfig.OutputConfig>> outputs = new ArrayList<>();
    List<List<TypeSerializer<?>>> inputs = new ArrayList<>();
    List<List<Integer>> inputTypeNumbers = new ArrayList<>();
    Map<StreamEdge, Integer> networkOutputIndex = new LinkedHashMap<>();
    for (int v = 0; v < chains.size(); v++) {
      outputs.add(new ArrayList<>());
      inputs.add(new ArrayList<>());
      inputTypeNumbers.add(new ArrayList<>());
    }
    for (StreamNode node : streamGraph.getNodes()) {
      for (StreamEdge e : node.getOutEdges()) {
        int[] from = placement.get(e.sourceId());
        int[] to = placement.get(e.targetId());
        if (from[0] == to[0]) {
          continue; // chained
        }
        StreamNode target = streamGraph.getNode(e.targetId());
        int outputIndex = outputs.get(from[0]).size();
        outputs
            .get(from[0])
            .add(
                new VertexConfig.OutputConfig(
                    e.partitioning(),
                    e.serializer(),
                    target.getParallelism(),
                    target.getMaxParallelism()));
        int inputIndex = inputs.get(to[0]).size();
        inputs.get(to[0]).add(e.serializer());
        inputTypeNumbers.get(to[0]).add(e.typeNumber());
        PartitionSpec.Kind kind = e.partitioning().kind();
        boolean pointwise =
            kind == PartitionSpec.Kind.FORWARD || kind == PartitionSpec.Kind.RESCALE;
        edges.add(
            new JobEdge(from[0], outputIndex, to[0], inputIndex, pointwise, displayName(kind)));
        networkOutputIndex.put(e, outputIndex);
      }
    }

    List<JobVertex> vertices = new ArrayList<>();
    for (int v = 0; v < chains.size(); v++) {
      List<StreamNode> chain = chains.get(v);
      List<OperatorConfig> operators = new ArrayList<>();
      for (StreamNode node : chain) {
        List<ChainedOutput> chained = new ArrayList<>();
        List<NetworkOutputRef> network = new ArrayList<>();
        for (StreamEdge e : node.getOutEdges()) {
          int[] to = placement.get(e.targetId());
          if (to[0] == v) {
            chained.add(new ChainedOutput(to[1], e.outputTag()));
          } else {
            network.add(new NetworkOutputRef(networkOutputIndex.get(e), e.outputTag()));
          }
        }
        operators.add(
            new OperatorConfig(
                node.getName(),
                node.getUid(),
                node.getOperator(),
                node.getStateKeySelector(),
                node.getOutputSerializer(),
                chained,
                network,
                node.getStateKeySelector2(),
                node.getOperatorId(),
                node.getStateKeySerializer()));
      }
      StreamNode head = chain.get(0);
      VertexConfig config =
          new VertexConfig(
              operators,
              inputs.get(v),
              outputs.get(v),
              inputTypeNumbers.get(v),
              streamGraph.getConfig().stateBackend());
      vertices.add(
          new JobVertex(
              v,
              String.join(" -> ", chain.stream().map(StreamNode::getName).toList()),
              chain.stream().map(StreamNode::getName).toList(),
              head.getParallelism(),
              head.getMaxParallelism(),
              head.getSlotSharingGroup(),
              head.isSource(),
              serialize(config, chain)));
    }
    return new JobGraph(
        UUID.randomUUID().toString(),
        streamGraph.getJobName(),
        vertices,
        edges,
        streamGraph.getConfig());
  }

  private static String displayName(PartitionSpec.Kind kind) {
    return kind == PartitionSpec.Kind.KEY_GROUPS ? "HASH" : kind.name();
  }

  /** Java-serializes the task config; a function that is not serializable is a user error. */
  private static byte[] serialize(VertexConfig config, List<StreamNode> chain) {
    try {
      return UserCodeSerialization.serialize(config);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "A function in '"
              + String.join(" -> ", chain.stream().map(StreamNode::getName).toList())
              + "' is not serializable: it holds a "
              + e.getMessage()
              + " (an anonymous or inner class also holds its enclosing object). Make the function a"
              + " static nested or top-level class, make that class Serializable, or mark the field"
              + " transient and create it in open().",
          e);
    } catch (IOException e) {
      throw new IllegalStateException("Could not serialize the job graph: " + e, e);
    }
  }
}
