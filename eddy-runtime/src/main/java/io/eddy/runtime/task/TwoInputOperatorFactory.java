package io.eddy.runtime.task;

import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.TwoInputSpecs;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.co.CoBroadcastWithKeyedOperator;
import io.eddy.runtime.operators.co.CoBroadcastWithNonKeyedOperator;
import io.eddy.runtime.operators.co.CoProcessOperator;
import io.eddy.runtime.operators.co.CoStreamFlatMap;
import io.eddy.runtime.operators.co.CoStreamMap;
import io.eddy.runtime.operators.co.IntervalJoinOperator;
import io.eddy.runtime.operators.co.KeyedCoProcessOperator;

/** Maps the API's two-input operator specs to the runtime's operators. */
public final class TwoInputOperatorFactory {
  private TwoInputOperatorFactory() {}

  /** The operator for {@code spec}, or null if it is not a two-input spec. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static StreamOperator<?> createOrNull(OperatorSpec spec) {
    if (spec instanceof TwoInputSpecs.CoMap m) {
      return new CoStreamMap<>(m.function());
    } else if (spec instanceof TwoInputSpecs.CoFlatMap f) {
      return new CoStreamFlatMap<>(f.function());
    } else if (spec instanceof TwoInputSpecs.CoProcess p) {
      return new CoProcessOperator<>(p.function());
    } else if (spec instanceof TwoInputSpecs.KeyedCoProcess p) {
      return new KeyedCoProcessOperator<>(p.function());
    } else if (spec instanceof TwoInputSpecs.BroadcastProcess b) {
      return new CoBroadcastWithNonKeyedOperator<>(b.function(), b.descriptors());
    } else if (spec instanceof TwoInputSpecs.KeyedBroadcastProcess b) {
      return new CoBroadcastWithKeyedOperator<>(b.function(), b.descriptors());
    } else if (spec instanceof TwoInputSpecs.IntervalJoin j) {
      return new IntervalJoinOperator<>(j.function(), j.lowerBound(), j.upperBound());
    }
    return null;
  }
}
