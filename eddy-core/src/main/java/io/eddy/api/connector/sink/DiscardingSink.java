package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;

/** Drops every record. For benchmarks and for jobs that only have side effects. */
@Public
public final class DiscardingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {}

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
