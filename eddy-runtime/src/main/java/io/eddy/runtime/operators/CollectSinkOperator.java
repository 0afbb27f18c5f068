package io.eddy.runtime.operators;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Ships records to the client for {@code executeAndCollect}: serialized into batches that go to the
 * {@link CollectResultsPort} when they reach {@value #BATCH_BYTES} bytes, every 100 ms, and at the
 * end. A batch is sent only when the previous one was accepted, so a slow client backpressures the
 * job: while a full batch waits, the operator pauses its task's input ({@link PausingOperator})
 * instead of blocking the task thread, and at the end of input the task waits the same way until
 * the last batch was accepted.
 *
 * <p>Records that arrive while a full batch waits (what one input step emits, e.g. the windows that
 * the final watermark fires) go into further batches of the same size, sent in order. So that
 * memory stays bounded, an input step that fills {@value #MAX_QUEUED_BATCHES} batches that way
 * waits on the task thread until the client took one (the only case in which this operator blocks).
 */
public final class CollectSinkOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void>, PausingOperator {
  static final int BATCH_BYTES = 64 * 1024;

  /** Batches (of {@value #BATCH_BYTES} bytes) that may wait for the client: 4 MiB. */
  static final int MAX_QUEUED_BATCHES = 64;

  private static final long FLUSH_INTERVAL_MS = 100;

  private final String collectId;
  private final TypeSerializer<T> serializer;
  private final CollectResultsPort results;
  private final DataOutputSerializer batch = new DataOutputSerializer(BATCH_BYTES + 1024);

  /** Full (or, at the end, final) batches not yet sent, oldest first. */
  private final ArrayDeque<byte[]> sealed = new ArrayDeque<>();

  /** The last batch sent; done once the port accepted it. */
  private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

  private Clock.Cancellable flusher;
  private boolean finished;

  public CollectSinkOperator(
      String collectId, TypeSerializer<T> serializer, CollectResultsPort results) {
    this.collectId = collectId;
    this.serializer = serializer.duplicate();
    this.results = results;
  }

  @Override
  public void open() {
    flusher =
        setup
            .processingTimeService()
            .scheduleAtFixedRate(t -> flush(), FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS);
  }

  @Override
  public void processElement(StreamRecord<T> record) throws Exception {
    serializer.serialize(record.getValue(), batch);
    if (batch.length() >= BATCH_BYTES) {
      seal();
      sendNext();
      while (sealed.size() >= MAX_QUEUED_BATCHES) {
        inFlight.get(); // one input step emitted more than the bound: wait for the client
        sendNext();
      }
    }
  }

  /** Sealed batches not yet sent (for tests). */
  int queuedBatches() {
    return sealed.size();
  }

  @Override
  public void finish() throws Exception {
    finished = true;
    seal();
    sendNext();
  }

  /**
   * Sends the next batch if the previous one was accepted. Returns true if input may continue (no
   * full batch waits) or, after {@link #finish()}, if every batch was accepted.
   */
  @Override
  public boolean tryProgress() throws Exception {
    sendNext();
    return sealed.isEmpty() && (!finished || inFlight.isDone());
  }

  @Override
  public CompletableFuture<?> getAvailableFuture() {
    return inFlight;
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.cancel();
    }
  }

  /** The timer: a partial batch goes out if nothing else waits to be sent. */
  private void flush() throws InterruptedException, ExecutionException {
    if (sealed.isEmpty() && inFlight.isDone()) {
      seal();
    }
    sendNext();
  }

  private void seal() {
    if (batch.length() > 0) {
      sealed.add(Arrays.copyOf(batch.getSharedBuffer(), batch.length()));
      batch.clear();
    }
  }

  /**
   * Sends the oldest sealed batch if the previous one was accepted; otherwise leaves it to the
   * timer, the next record or the task's next {@link #tryProgress()}. Throws the failure of a batch
   * that could not be delivered.
   */
  private void sendNext() throws InterruptedException, ExecutionException {
    if (!inFlight.isDone()) {
      return;
    }
    inFlight.get(); // done: returns at once, or throws the delivery's failure
    byte[] next = sealed.poll();
    if (next != null) {
      inFlight = results.offer(collectId, next);
    }
  }
}
