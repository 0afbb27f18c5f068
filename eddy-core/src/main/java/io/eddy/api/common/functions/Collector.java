package io.eddy.api.common.functions;

/** Receives the elements a function emits. Not thread-safe: call it from the function's thread. */
public interface Collector<T> {
  void collect(T record);

  void close();
}
