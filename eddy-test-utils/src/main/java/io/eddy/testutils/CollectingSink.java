package io.eddy.testutils;

import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps every record in memory, for tests on the embedded cluster (the sink's subtasks
 * run in the test's JVM). Each instance has its own result list:
 *
 * <pre>{@code
 * CollectingSink<String> sink = new CollectingSink<>();
 * stream.sinkTo(sink);
 * env.execute();
 * assertThat(sink.getResults()).containsExactlyInAnyOrder(...);
 * }</pre>
 *
 * For results of a job on a remote cluster use {@code executeAndCollect()}.
 */
public final class CollectingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS =
      new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public CollectingSink() {
    RESULTS.put(id, new ConcurrentLinkedQueue<>());
  }

  /** Everything written so far, in arrival order per subtask. */
  @SuppressWarnings("unchecked")
  public List<T> getResults() {
    return new ArrayList<>((ConcurrentLinkedQueue<T>) (ConcurrentLinkedQueue<?>) RESULTS.get(id));
  }

  /** Forgets the results (the sink can be used again). */
  public void clear() {
    RESULTS.get(id).clear();
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Object> queue = RESULTS.get(id);
    if (queue == null) {
      throw new IllegalStateException(
          "CollectingSink works only on the embedded cluster of the test's JVM.");
    }
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
