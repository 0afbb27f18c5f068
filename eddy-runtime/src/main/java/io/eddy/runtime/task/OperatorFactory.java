package io.eddy.runtime.task;

import io.eddy.api.connector.sink.SupportsCommitter;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.runtime.graph.SourceSpec;
import io.eddy.runtime.operators.CollectResultsPort;
import io.eddy.runtime.operators.CollectSinkOperator;
import io.eddy.runtime.operators.CommittingSinkOperator;
import io.eddy.runtime.operators.KeyedAggregationOperator;
import io.eddy.runtime.operators.KeyedProcessOperator;
import io.eddy.runtime.operators.KeyedReduceOperator;
import io.eddy.runtime.operators.ProcessOperator;
import io.eddy.runtime.operators.SinkOperator;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.operators.StreamFilter;
import io.eddy.runtime.operators.StreamFlatMap;
import io.eddy.runtime.operators.StreamMap;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.TimestampsAndWatermarksOperator;
import io.eddy.runtime.operators.windowing.PreAggregatedWindowSpec;
import io.eddy.runtime.operators.windowing.WindowOperator;
import io.eddy.runtime.operators.windowing.WindowPreAggregateOperator;
import io.eddy.runtime.operators.windowing.WindowPreAggregation;

/** Maps the API's operator specs to the runtime's operators. */
public final class OperatorFactory {
  private OperatorFactory() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  /**
   * @param collectResults where collect sinks send their batches (may be null if there are none)
   * @param autoWatermarkIntervalMillis how often watermark generators emit periodically (0: never)
   */
  public static StreamOperator<?> create(
      OperatorSpec spec, CollectResultsPort collectResults, long autoWatermarkIntervalMillis) {
    if (spec instanceof Specs.Map m) {
      return new StreamMap<>(m.function());
    } else if (spec instanceof Specs.FlatMap f) {
      return new StreamFlatMap<>(f.function());
    } else if (spec instanceof Specs.Filter f) {
      return new StreamFilter<>(f.function());
    } else if (spec instanceof Specs.Process p) {
      return new ProcessOperator<>(p.function());
    } else if (spec instanceof Specs.KeyedProcess p) {
      return new KeyedProcessOperator<>(p.function());
    } else if (spec instanceof Specs.Reduce r) {
      return new KeyedReduceOperator<>(r.function(), r.stateSerializer());
    } else if (spec instanceof Specs.Aggregation a) {
      return new KeyedAggregationOperator<>(a);
    } else if (spec instanceof Specs.SinkTo s) {
      if (s.sink() instanceof SupportsCommitter<?>) {
        return new CommittingSinkOperator<>(s.sink());
      }
      return new SinkOperator<>(s.sink());
    } else if (spec instanceof Specs.Collect c) {
      return new CollectSinkOperator<>(c.collectId(), c.serializer(), collectResults);
    } else if (spec instanceof Specs.TimestampsAndWatermarks t) {
      return new TimestampsAndWatermarksOperator<>(t.strategy(), autoWatermarkIntervalMillis);
    } else if (spec instanceof WindowSpec w) {
      return WindowOperator.create(w);
    } else if (spec instanceof WindowPreAggregation p) {
      return new WindowPreAggregateOperator<>(p);
    } else if (spec instanceof PreAggregatedWindowSpec p) {
      return WindowOperator.preAggregated(p.window());
    } else if (spec instanceof SourceSpec s) {
      return new SourceOperator<>(s.source(), s.watermarkStrategy(), autoWatermarkIntervalMillis);
    }
    StreamOperator<?> twoInput = TwoInputOperatorFactory.createOrNull(spec);
    if (twoInput != null) {
      return twoInput;
    }
    throw new IllegalArgumentException("No operator for " + spec.getClass().getName());
  }
}
