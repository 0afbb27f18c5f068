package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Receives the elements a function emits. Not thread-safe: call it from the function's thread. */
@Public
public interface Collector<T> {
  void collect(T record);

  void close();
}
