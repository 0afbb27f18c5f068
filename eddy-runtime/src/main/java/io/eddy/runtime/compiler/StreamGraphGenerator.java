package io.eddy.runtime.compiler;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.datastream.OutputTag;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.PartitionSpec;
import io.eddy.core.dag.PartitionTransformation;
import io.eddy.core.dag.SideOutputTransformation;
import io.eddy.core.dag.SinkTransformation;
import io.eddy.core.dag.SourceTransformation;
import io.eddy.core.dag.Transformation;
import io.eddy.core.dag.TwoInputTransformation;
import io.eddy.core.dag.UnionTransformation;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.execution.ExecutionConfig;
import io.eddy.core.execution.Pipeline;
import io.eddy.runtime.graph.SourceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the API's transformations into a {@link StreamGraph}: one node per operator, with
 * partitioning, union and side outputs folded into the edges. Resolves defaults (parallelism, max
 * parallelism, slot sharing group, forward vs rebalance) and rejects invalid graphs with a message
 * that names the operator.
 */
public final class StreamGraphGenerator {
  private static final String DEFAULT_SLOT_SHARING_GROUP = "default";

  private final ExecutionConfig config;
  private final StreamGraph graph;
  private final Map<Transformation<?>, List<Upstream>> translated = new IdentityHashMap<>();
  private final Map<Integer, String> groups = new HashMap<>();

  /** Where an edge starts, with what the virtual transformations on the way added to it. */
  private record Upstream(int nodeId, PartitionSpec partitioning, OutputTag<?> tag) {}

  private StreamGraphGenerator(Pipeline pipeline) {
    this.config = pipeline.config();
    this.graph = new StreamGraph(pipeline.jobName(), config);
  }

  public static StreamGraph generate(Pipeline pipeline) {
    StreamGraphGenerator generator = new StreamGraphGenerator(pipeline);
    for (Transformation<?> sink : pipeline.sinks()) {
      generator.translate(sink);
    }
    assignOperatorIds(generator.graph);
    return generator.graph;
  }

  /**
   * Gives every operator the id its state is stored under: the user's uid, or one derived from the
   * operator's name, its inputs' ids and its rank among equal siblings, so that running the same
   * program again finds its state (a changed program may not: set uids for that).
   */
  private static void assignOperatorIds(StreamGraph graph) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> uids = new HashMap<>();
    for (StreamNode node : graph.getNodes()) {
      if (node.getUid() != null) {
        String other = uids.putIfAbsent(node.getUid(), node.getName());
        if (other != null) {
          throw new IllegalArgumentException(
              "Operators '"
                  + other
                  + "' and '"
                  + node.getName()
                  + "' have the same uid '"
                  + node.getUid()
                  + "': uids must be unique within a job.");
        }
        node.setOperatorId(node.getUid());
        continue;
      }
      StringBuilder basis = new StringBuilder(node.getName());
      for (StreamEdge e : node.getInEdges()) {
        basis.append('|').append(inputOperatorId(graph, graph.getNode(e.sourceId())));
      }
      String key = basis.toString();
      int rank = seen.merge(key, 1, Integer::sum);
      node.setOperatorId(
          String.format("auto-%08x-%d", key.hashCode(), rank)); // readable, stable, short
    }
  }

  /**
   * The operator id a consumer of {@code input} derives its own from: a pre-aggregation the planner
   * added stands for its input, so that turning it on or off keeps the window's id (and state).
   */
  private static String inputOperatorId(StreamGraph graph, StreamNode input) {
    if (WindowPreAggregationPlanner.isPreAggregation(input)) {
      return graph.getNode(input.getInEdges().get(0).sourceId()).getOperatorId();
    }
    return input.getOperatorId();
  }

  private List<Upstream> translate(Transformation<?> t) {
    List<Upstream> done = translated.get(t);
    if (done != null) {
      return done;
    }
    List<Upstream> result;
    if (t instanceof PartitionTransformation<?> p) {
      result = new ArrayList<>();
      for (Upstream u : translate(p.getInput())) {
        result.add(new Upstream(u.nodeId(), p.getPartitioning(), u.tag()));
      }
    } else if (t instanceof UnionTransformation<?> u) {
      result = new ArrayList<>();
      for (Transformation<?> input : u.getInputs()) {
        result.addAll(translate(input));
      }
    } else if (t instanceof SideOutputTransformation<?> s) {
      result = new ArrayList<>();
      for (Upstream u : translate(s.getInput())) {
        result.add(new Upstream(u.nodeId(), u.partitioning(), s.getTag()));
      }
    } else {
      result = List.of(new Upstream(translateNode(t), null, null));
    }
    translated.put(t, result);
    return result;
  }

  private int translateNode(Transformation<?> t) {
    WindowPreAggregationPlanner.Plan plan =
        config.windowPreAggregation() ? WindowPreAggregationPlanner.plan(t) : null;
    List<Upstream> inputs = new ArrayList<>();
    List<Integer> typeNumbers = new ArrayList<>();
    if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      addInputs(two.getInput1(), 1, inputs, typeNumbers);
      addInputs(two.getInput2(), 2, inputs, typeNumbers);
    } else {
      for (Transformation<?> input : t.getInputs()) {
        addInputs(plan == null ? input : plan.input(), 0, inputs, typeNumbers);
      }
    }
    int parallelism = t.getParallelism() > 0 ? t.getParallelism() : config.parallelism();
    int maxParallelism =
        t.getMaxParallelism() > 0 ? t.getMaxParallelism() : config.maxParallelism();
    String name = t.getName();
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "Operator '"
              + name
              + "' has parallelism "
              + parallelism
              + ", more than its max parallelism "
              + maxParallelism
              + ": lower the parallelism or raise it with setMaxParallelism("
              + parallelism
              + ").");
    }
    StreamNode node =
        new StreamNode(
            t.getId(),
            name,
            t.getUid(),
            plan == null ? operatorOf(t) : plan.operator(),
            parallelism,
            maxParallelism,
            slotSharingGroup(t, inputs),
            t.getChainingStrategy(),
            t.getOutputType() == null ? null : t.getOutputType().createSerializer(),
            plan == null ? stateKeySelectorOf(t) : plan.keySelector());
    if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      node.setStateKeySelector2(two.getStateKeySelector2());
    }
    TypeInformation<?> keyType = stateKeyTypeOf(t);
    if (keyType != null) {
      node.setStateKeySerializer(keyType.createSerializer());
    }
    graph.addNode(node);
    for (int i = 0; i < inputs.size(); i++) {
      graph.addEdge(edge(inputs.get(i), node, typeNumbers.get(i)));
    }
    return node.getId();
  }

  /** Translates {@code input} and records its upstreams as feeding input {@code typeNumber}. */
  private void addInputs(
      Transformation<?> input, int typeNumber, List<Upstream> inputs, List<Integer> typeNumbers) {
    for (Upstream u : translate(input)) {
      inputs.add(u);
      typeNumbers.add(typeNumber);
    }
  }

  /** The state key of a keyed operator (of its first input if it has two), or null. */
  private static KeySelector<?, ?> stateKeySelectorOf(Transformation<?> t) {
    if (t instanceof OneInputTransformation<?, ?> o) {
      return o.getStateKeySelector();
    } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      return two.getStateKeySelector1();
    }
    return null;
  }

  private static TypeInformation<?> stateKeyTypeOf(Transformation<?> t) {
    if (t instanceof OneInputTransformation<?, ?> o && o.getStateKeySelector() != null) {
      return o.getStateKeyType();
    } else if (t instanceof TwoInputTransformation<?, ?, ?> two
        && two.getStateKeySelector1() != null) {
      return two.getStateKeyType();
    }
    return null;
  }

  private static OperatorSpec operatorOf(Transformation<?> t) {
    if (t instanceof SourceTransformation<?> s) {
      return new SourceSpec(s.getSource(), s.getWatermarkStrategy());
    } else if (t instanceof OneInputTransformation<?, ?> o) {
      return o.getOperator();
    } else if (t instanceof SinkTransformation<?> s) {
      return s.getSink();
    } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      return two.getOperator();
    }
    throw new IllegalArgumentException("Unknown transformation " + t);
  }

  private String slotSharingGroup(Transformation<?> t, List<Upstream> inputs) {
    String group = t.getSlotSharingGroup();
    if (group == null) {
      group = DEFAULT_SLOT_SHARING_GROUP;
      if (!inputs.isEmpty()) {
        String first = groups.get(inputs.get(0).nodeId());
        boolean allSame = inputs.stream().allMatch(u -> groups.get(u.nodeId()).equals(first));
        group = allSame ? first : DEFAULT_SLOT_SHARING_GROUP;
      }
    }
    groups.put(t.getId(), group);
    return group;
  }

  private StreamEdge edge(Upstream u, StreamNode target, int typeNumber) {
    StreamNode source = graph.getNode(u.nodeId());
    PartitionSpec partitioning = u.partitioning();
    if (partitioning == null) {
      partitioning =
          PartitionSpec.of(
              source.getParallelism() == target.getParallelism()
                  ? PartitionSpec.Kind.FORWARD
                  : PartitionSpec.Kind.REBALANCE);
    } else if (partitioning.kind() == PartitionSpec.Kind.FORWARD
        && source.getParallelism() != target.getParallelism()) {
      throw new IllegalArgumentException(
          "forward() needs the same parallelism on both sides, but '"
              + source.getName()
              + "' has "
              + source.getParallelism()
              + " and '"
              + target.getName()
              + "' has "
              + target.getParallelism()
              + ": use rebalance() or rescale() instead.");
    }
    TypeSerializer<?> serializer =
        u.tag() != null ? u.tag().getTypeInfo().createSerializer() : source.getOutputSerializer();
    return new StreamEdge(
        source.getId(), target.getId(), partitioning, u.tag(), serializer, typeNumber);
  }
}
