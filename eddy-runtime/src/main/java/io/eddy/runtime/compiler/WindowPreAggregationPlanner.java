package io.eddy.runtime.compiler;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.windowing.assigners.SlidingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.triggers.EventTimeTrigger;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.PartitionSpec;
import io.eddy.core.dag.PartitionTransformation;
import io.eddy.core.dag.SideOutputTransformation;
import io.eddy.core.dag.Transformation;
import io.eddy.core.dag.UnionTransformation;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.operators.windowing.PreAggregated;
import io.eddy.runtime.operators.windowing.PreAggregatedWindowSpec;
import io.eddy.runtime.operators.windowing.WindowPreAggregation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link WindowPreAggregation} between a keyed window and the shuffle that feeds it, where
 * that leaves the window's result unchanged (see {@code
 * StreamExecutionEnvironment#setWindowPreAggregation}): a tumbling or sliding event-time window
 * with the default trigger, no evictor, no allowed lateness and no late-data side output, whose
 * contents are reduced, fed by a key-group shuffle straight from one operator (not a union or side
 * output). The pre-aggregation runs in the upstream operator's task and sends each value with its
 * key ({@link PreAggregated}); the window goes by that key.
 */
final class WindowPreAggregationPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(WindowPreAggregationPlanner.class);

  static final String NAME = "Window Pre-Aggregate";

  private WindowPreAggregationPlanner() {}

  /**
   * How the planner changes a window it pre-aggregates.
   *
   * @param input what the window reads instead: a shuffle of the pre-aggregated values
   * @param operator the window's operator, which takes pre-aggregated values
   * @param keySelector the window's key: the one each pre-aggregated value carries
   */
  record Plan(Transformation<?> input, OperatorSpec operator, KeySelector<?, ?> keySelector) {}

  /** The plan for {@code window}, or null where pre-aggregation does not apply. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Plan plan(Transformation<?> window) {
    if (!(window instanceof OneInputTransformation<?, ?> o)
        || !(o.getOperator() instanceof WindowSpec<?, ?, ?> spec)
        || !(o.getInput() instanceof PartitionTransformation<?> shuffle)
        || shuffle.getPartitioning().kind() != PartitionSpec.Kind.KEY_GROUPS
        || spec.trigger().getClass() != EventTimeTrigger.class
        || spec.evictor() != null
        || spec.allowedLatenessMillis() != 0
        || spec.lateDataTag() != null
        || !(spec.contentsDescriptor() instanceof ReducingStateDescriptor<?> reducing)
        || o.getStateKeyType() == null) {
      return null;
    }
    Panes panes = panesOf(spec.assigner());
    if (panes == null) {
      return null;
    }
    Transformation<?> upstream = shuffle.getInput();
    if (upstream instanceof PartitionTransformation<?>
        || upstream instanceof UnionTransformation<?>
        || upstream instanceof SideOutputTransformation<?>) {
      return null; // no single operator to chain the pre-aggregation to
    }
    OneInputTransformation preAggregate =
        new OneInputTransformation(
            upstream,
            NAME,
            new WindowPreAggregation(
                (KeySelector) o.getStateKeySelector(),
                reducing.getReduceFunction(),
                panes.size(),
                panes.offset(),
                panes.shareWindows()),
            new PreAggregated.Type(o.getStateKeyType(), upstream.getOutputType()),
            upstream.getParallelism());
    preAggregate.setMaxParallelism(upstream.getMaxParallelism());
    preAggregate.setSlotSharingGroup(upstream.getSlotSharingGroup());
    PreAggregated.Key key = new PreAggregated.Key();
    LOG.info(
        "'{}' is pre-aggregated per key before its shuffle, in the tasks of '{}'"
            + " (env.setWindowPreAggregation(false) turns this off)",
        window.getName(),
        upstream.getName());
    return new Plan(
        new PartitionTransformation(
            preAggregate, new PartitionSpec(PartitionSpec.Kind.KEY_GROUPS, key, null)),
        new PreAggregatedWindowSpec(spec),
        key);
  }

  /**
   * Stretches of time whose elements fall into the same windows; see {@link WindowPreAggregation}.
   */
  private record Panes(long size, long offset, boolean shareWindows) {}

  /** The panes of an event-time tumbling or sliding assigner; null for other assigners. */
  private static Panes panesOf(Object assigner) {
    if (assigner instanceof TumblingEventTimeWindows<?> tumbling) {
      return new Panes(tumbling.getSize(), tumbling.getOffset(), false);
    }
    if (assigner instanceof SlidingEventTimeWindows<?> sliding) {
      long pane = gcd(sliding.getSize(), sliding.getSlide());
      return new Panes(pane, sliding.getOffset(), pane != sliding.getSize());
    }
    return null;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Whether {@code node} is a pre-aggregation the planner added. */
  static boolean isPreAggregation(StreamNode node) {
    return node.getOperator() instanceof WindowPreAggregation<?>;
  }
}
