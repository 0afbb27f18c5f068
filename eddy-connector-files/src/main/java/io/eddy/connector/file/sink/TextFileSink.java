package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each record's {@code toString()} as a UTF-8 line. With parallelism 1 the path is the
 * output file; otherwise the path is a directory with one file per subtask, named by the 1-based
 * subtask index. Existing output is overwritten. Not exactly-once: see the checkpointed file sink
 * for that.
 */
@PublicEvolving
public final class TextFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final String path;

  public TextFileSink(String path) {
    this.path = path;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    Path target = Path.of(path);
    if (context.getNumberOfParallelSubtasks() > 1) {
      Files.createDirectories(target);
      target = target.resolve(String.valueOf(context.getSubtaskId() + 1));
    } else if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Writer writer =
        new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), 1 << 16);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) throws IOException {
        writer.write(String.valueOf(element));
        writer.write('\n');
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        writer.flush();
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }
}
