package io.eddy.runtime.snapshot;

import java.io.Serializable;

/**
 * A contiguous, inclusive range of key groups, possibly empty (when {@code end < start}).
 *
 * @param start first key group
 * @param end last key group, inclusive
 */
public record KeyGroupRange(int start, int end) implements Serializable {

  public int size() {
    return Math.max(0, end - start + 1);
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= end;
  }
}
