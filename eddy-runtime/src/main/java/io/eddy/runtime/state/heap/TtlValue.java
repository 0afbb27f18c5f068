package io.eddy.runtime.state.heap;

/**
 * A value with the time it was last written (or read, with {@code OnReadAndWrite}), as stored by
 * state with a time to live. Mutable so that updates do not allocate. Task thread only.
 */
public final class TtlValue<T> {
  T value;
  long timestamp;

  TtlValue(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }
}
