package io.eddy.runtime.operators;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;

/**
 * Ships records to the client for {@code executeAndCollect}: serialized into batches that go to the
 * JobMaster when they reach {@value #BATCH_BYTES} bytes, every 100 ms, and at the end. A batch is
 * sent only when the previous one was accepted, so a slow client backpressures the job.
 */
public final class CollectSinkOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  static final int BATCH_BYTES = 64 * 1024;
  private static final long FLUSH_INTERVAL_MS = 100;

  private final String collectId;
  private final TypeSerializer<T> serializer;
  private final JobMasterGateway jobMaster;
  private final DataOutputSerializer batch = new DataOutputSerializer(BATCH_BYTES + 1024);
  private Clock.Cancellable flusher;

  public CollectSinkOperator(
      String collectId, TypeSerializer<T> serializer, JobMasterGateway jobMaster) {
    this.collectId = collectId;
    this.serializer = serializer.duplicate();
    this.jobMaster = jobMaster;
  }

  @Override
  public void open() {
    flusher =
        setup
            .processingTimeService()
            .scheduleAtFixedRate(t -> send(), FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS);
  }

  @Override
  public void processElement(StreamRecord<T> record) throws Exception {
    serializer.serialize(record.getValue(), batch);
    if (batch.length() >= BATCH_BYTES) {
      send();
    }
  }

  @Override
  public void finish() throws Exception {
    send();
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.cancel();
    }
  }

  private void send() throws InterruptedException, ExecutionException {
    if (batch.length() == 0) {
      return;
    }
    byte[] bytes = Arrays.copyOf(batch.getSharedBuffer(), batch.length());
    batch.clear();
    jobMaster.offerCollectBatch(collectId, bytes).get();
  }
}
