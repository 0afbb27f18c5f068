package io.eddy.runtime.jobmaster;

import io.eddy.runtime.scheduler.CollectBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The results of a job's collect sinks on their way to the client: one bounded {@link
 * CollectBuffer} per collect sink, which the sink subtasks offer batches to and the client fetches
 * from; when the job ends every buffer ends, with the job's failure unless it finished. JobMaster
 * main thread only.
 */
public final class CollectResults {
  static final long BUFFER_BYTES = 8L << 20;

  private final String jobId;
  private final Map<String, CollectBuffer> buffers = new HashMap<>();

  CollectResults(String jobId) {
    this.jobId = jobId;
  }

  /** A collect sink of the job (its buffer is created once). */
  public void register(String collectId) {
    buffers.computeIfAbsent(collectId, id -> new CollectBuffer(BUFFER_BYTES));
  }

  /** Completes when the buffer took {@code batch} (later if it is full). */
  public CompletableFuture<Void> offer(String collectId, byte[] batch) {
    return buffer(collectId).offer(batch);
  }

  /** Completes with the next batch, or null once the sink ended and everything was fetched. */
  public CompletableFuture<byte[]> fetch(String collectId) {
    return buffer(collectId).fetch();
  }

  /** The job ended: fetches end, failing with {@code failure} if it is not null. */
  public void end(Throwable failure) {
    buffers.values().forEach(b -> b.end(failure));
  }

  private CollectBuffer buffer(String collectId) {
    CollectBuffer buffer = buffers.get(collectId);
    if (buffer == null) {
      throw new IllegalArgumentException("No collect sink " + collectId + " in job " + jobId);
    }
    return buffer;
  }
}
