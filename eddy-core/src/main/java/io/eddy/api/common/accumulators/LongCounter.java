package io.eddy.api.common.accumulators;

import io.eddy.api.annotation.PublicEvolving;

/** Counts with a long. */
@PublicEvolving
public final class LongCounter implements Accumulator<Long, Long> {
  private static final long serialVersionUID = 1L;
  private long count;

  public LongCounter() {}

  public LongCounter(long value) {
    this.count = value;
  }

  public void add(long value) {
    count += value;
  }

  @Override
  public void add(Long value) {
    count += value;
  }

  @Override
  public Long getLocalValue() {
    return count;
  }

  @Override
  public void resetLocal() {
    count = 0;
  }

  @Override
  public void merge(Accumulator<Long, Long> other) {
    count += other.getLocalValue();
  }

  @Override
  public LongCounter clone() {
    return new LongCounter(count);
  }

  @Override
  public String toString() {
    return "LongCounter " + count;
  }
}
