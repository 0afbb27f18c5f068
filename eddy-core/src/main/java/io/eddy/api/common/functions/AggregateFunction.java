package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * Aggregates values incrementally through a mutable or immutable accumulator, as {@code
 * AggregatingState} and (later) window aggregations do.
 *
 * <pre>{@code
 * class Average implements AggregateFunction<Long, long[], Double> {
 *   public long[] createAccumulator() { return new long[2]; }
 *   public long[] add(Long value, long[] acc) { acc[0] += value; acc[1]++; return acc; }
 *   public Double getResult(long[] acc) { return (double) acc[0] / acc[1]; }
 *   public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
 * }
 * }</pre>
 *
 * @param <IN> the type of the values aggregated
 * @param <ACC> the accumulator (intermediate state)
 * @param <OUT> the result
 */
@Public
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  /** A new, empty accumulator. */
  ACC createAccumulator();

  /** Adds {@code value} to {@code accumulator}; may modify and return it, or return a new one. */
  ACC add(IN value, ACC accumulator);

  /** The result of the aggregation so far. */
  OUT getResult(ACC accumulator);

  /** Merges two accumulators; may modify and return one of them. */
  ACC merge(ACC a, ACC b);
}
