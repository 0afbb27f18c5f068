package io.eddy.api.common.accumulators;

import io.eddy.api.annotation.PublicEvolving;

/** Counts with an int. */
@PublicEvolving
public final class IntCounter implements Accumulator<Integer, Integer> {
  private static final long serialVersionUID = 1L;
  private int count;

  public IntCounter() {}

  public IntCounter(int value) {
    this.count = value;
  }

  public void add(int value) {
    count += value;
  }

  @Override
  public void add(Integer value) {
    count += value;
  }

  @Override
  public Integer getLocalValue() {
    return count;
  }

  @Override
  public void resetLocal() {
    count = 0;
  }

  @Override
  public void merge(Accumulator<Integer, Integer> other) {
    count += other.getLocalValue();
  }

  @Override
  public IntCounter clone() {
    return new IntCounter(count);
  }

  @Override
  public String toString() {
    return "IntCounter " + count;
  }
}
