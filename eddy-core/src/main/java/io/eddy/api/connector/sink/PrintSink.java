package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} to standard out or error. With parallelism above 1 each
 * line starts with the 1-based subtask index, {@code "2> "}, after an optional identifier ({@code
 * "id:2> "}), as Flink users know it.
 */
@Public
public final class PrintSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final String identifier;
  private final boolean stdErr;

  public PrintSink(String identifier, boolean stdErr) {
    this.identifier = identifier;
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    PrintStream stream = stdErr ? System.err : System.out;
    String prefix =
        prefix(identifier, context.getSubtaskId(), context.getNumberOfParallelSubtasks());
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        stream.println(prefix + element);
      }

      @Override
      public void flush(boolean endOfInput) {
        stream.flush();
      }

      @Override
      public void close() {
        stream.flush();
      }
    };
  }

  static String prefix(String identifier, int subtask, int parallelism) {
    String id = identifier == null ? "" : identifier;
    if (parallelism > 1) {
      return (id.isEmpty() ? "" : id + ":") + (subtask + 1) + "> ";
    }
    return id.isEmpty() ? "" : id + "> ";
  }
}
