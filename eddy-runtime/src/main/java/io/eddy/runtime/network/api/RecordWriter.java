package io.eddy.runtime.network.api;

import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.buffer.LocalBufferPool;
import io.eddy.runtime.network.partition.ResultPartition;
import io.eddy.runtime.network.partitioner.StreamPartitioner;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Serializes stream elements into the buffers of a {@link ResultPartition}, routing each record
 * with the edge's partitioner. Each element is written as a 4-byte length and its bytes, and may
 * span buffers. A buffer is handed to its subpartition when full, on {@link #flushAll()} (buffer
 * timeout) or before an event.
 *
 * <p>Used by the producer's task thread only: no locks or volatile writes per record.
 */
public final class RecordWriter<T> {
  private final ResultPartition partition;
  private final LocalBufferPool bufferPool;
  private final StreamPartitioner<T> partitioner;
  private final StreamElementSerializer<T> serializer;
  private final DataOutputSerializer scratch = new DataOutputSerializer(256);

  /** Writes into the current buffer of a channel (see {@link #tryEmitInPlace}). */
  private final DataOutputSerializer inPlace = new DataOutputSerializer(1);

  private final Buffer[] current;
  private final boolean flushAlways;

  public RecordWriter(
      ResultPartition partition,
      StreamPartitioner<T> partitioner,
      StreamElementSerializer<T> serializer,
      boolean flushAlways) {
    this.partition = partition;
    this.bufferPool = partition.getBufferPool();
    this.partitioner = partitioner;
    this.serializer = serializer;
    this.flushAlways = flushAlways;
    this.current = new Buffer[partition.getNumberOfSubpartitions()];
    partitioner.setup(partition.getNumberOfSubpartitions());
  }

  public void emit(StreamRecord<T> record) throws IOException, InterruptedException {
    if (partitioner.isBroadcast()) {
      serializeToScratch(record);
      for (int ch = 0; ch < current.length; ch++) {
        copyToChannel(ch);
      }
      return;
    }
    int ch = partitioner.selectChannel(record);
    if (!tryEmitInPlace(record, ch)) {
      serializeToScratch(record);
      copyToChannel(ch);
    }
  }

  /**
   * Serializes the record straight into the channel's current buffer, which saves a copy. Fails
   * (returns false, leaving the buffer as it was) when the record does not fit in what is left.
   */
  private boolean tryEmitInPlace(StreamRecord<T> record, int ch) throws InterruptedException {
    Buffer buffer = current[ch];
    if (buffer == null) {
      buffer = bufferPool.requestBufferBlocking();
      current[ch] = buffer;
    }
    int start = buffer.size();
    if (buffer.capacity() - start < 5) {
      return false;
    }
    byte[] memory = buffer.memory();
    inPlace.wrap(memory, start + 4);
    try {
      serializer.serializeRecord(record, inPlace);
    } catch (DataOutputSerializer.Overflow full) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int end = inPlace.position();
    int length = end - start - 4;
    memory[start] = (byte) (length >>> 24);
    memory[start + 1] = (byte) (length >>> 16);
    memory[start + 2] = (byte) (length >>> 8);
    memory[start + 3] = (byte) length;
    buffer.setSize(end);
    if (flushAlways || end == buffer.capacity()) {
      current[ch] = null;
      partition.getSubpartition(ch).add(buffer);
    }
    return true;
  }

  private void serializeToScratch(StreamRecord<T> record) throws IOException {
    scratch.clear();
    scratch.writeInt(0); // length placeholder, patched below
    serializer.serializeRecord(record, scratch);
    patchLength();
  }

  /** Sends a watermark to every consumer subtask. */
  public void broadcastWatermark(WatermarkElement watermark)
      throws IOException, InterruptedException {
    scratch.clear();
    scratch.writeInt(0);
    serializer.serializeWatermark(watermark, scratch);
    patchLength();
    for (int ch = 0; ch < current.length; ch++) {
      copyToChannel(ch);
    }
  }

  /** Sends a watermark status (idle/active) to every consumer subtask. */
  public void broadcastWatermarkStatus(WatermarkStatus status)
      throws IOException, InterruptedException {
    scratch.clear();
    scratch.writeInt(0);
    serializer.serializeWatermarkStatus(status, scratch);
    patchLength();
    for (int ch = 0; ch < current.length; ch++) {
      copyToChannel(ch);
    }
  }

  /** Flushes pending data, then sends {@code event} in its own buffer on every channel. */
  public void broadcastEvent(NetworkEvent event) throws InterruptedException {
    flushAll();
    for (int ch = 0; ch < current.length; ch++) {
      Buffer buffer = bufferPool.requestBufferBlocking();
      buffer.memory()[0] = event.code();
      buffer.setSize(1);
      buffer.setEvent(true);
      partition.getSubpartition(ch).add(buffer);
    }
  }

  /**
   * Flushes pending data, then sends the barrier in its own buffer on every channel, so that it
   * follows every record emitted before it.
   */
  public void broadcastBarrier(CheckpointBarrier barrier) throws InterruptedException {
    flushAll();
    for (int ch = 0; ch < current.length; ch++) {
      partition.getSubpartition(ch).add(barrier.toBuffer());
    }
  }

  /**
   * Flushes pending data, then puts the barrier in front of every queued buffer of every channel
   * (unaligned checkpoint). Returns, per channel, copies of the data buffers it overtook: the
   * checkpoint's in-flight output data.
   */
  public List<List<byte[]>> broadcastPriorityBarrier(CheckpointBarrier barrier)
      throws InterruptedException {
    flushAll();
    List<List<byte[]>> overtaken = new ArrayList<>(current.length);
    for (int ch = 0; ch < current.length; ch++) {
      overtaken.add(partition.getSubpartition(ch).addPriorityEvent(barrier.toBuffer()));
    }
    return overtaken;
  }

  /**
   * Like {@link #broadcastBarrier}, but the barriers can later overtake the data queued in front of
   * them ({@link #overtakeWithBarriers}); the futures complete as consumers take them.
   */
  public List<CompletableFuture<Void>> broadcastTrackedBarrier(CheckpointBarrier barrier) {
    flushAll();
    List<CompletableFuture<Void>> consumed = new ArrayList<>(current.length);
    for (int ch = 0; ch < current.length; ch++) {
      consumed.add(partition.getSubpartition(ch).addTrackedBarrier(barrier.toBuffer()));
    }
    return consumed;
  }

  /**
   * Moves the tracked barriers that are still queued in front of the data (alignment timeout) and
   * returns, per channel, copies of the data buffers they overtook.
   */
  public List<List<byte[]>> overtakeWithBarriers() {
    List<List<byte[]>> overtaken = new ArrayList<>(current.length);
    for (int ch = 0; ch < current.length; ch++) {
      List<byte[]> data = partition.getSubpartition(ch).overtakeWithTrackedBarrier();
      overtaken.add(data == null ? List.of() : data);
    }
    return overtaken;
  }

  /** Adds restored in-flight data (of an unaligned checkpoint) to channel {@code ch}'s queue. */
  public void addRestoredBuffer(int ch, byte[] data) throws InterruptedException {
    Buffer buffer = bufferPool.requestBufferBlocking();
    System.arraycopy(data, 0, buffer.memory(), 0, data.length);
    buffer.setSize(data.length);
    partition.getSubpartition(ch).add(buffer);
  }

  public int getNumberOfChannels() {
    return current.length;
  }

  /** Hands every partly filled buffer to its consumer. */
  public void flushAll() {
    for (int ch = 0; ch < current.length; ch++) {
      Buffer buffer = current[ch];
      if (buffer != null && buffer.size() > 0) {
        current[ch] = null;
        partition.getSubpartition(ch).add(buffer);
      }
    }
  }

  /** Whether a new buffer can be had without waiting (the task checks before taking input). */
  public boolean isAvailable() {
    return bufferPool.isAvailable();
  }

  public CompletableFuture<Void> getAvailableFuture() {
    return bufferPool.getAvailableFuture();
  }

  /** Returns unsent buffers to the pool (on failure or cancellation). */
  public void close() {
    for (int ch = 0; ch < current.length; ch++) {
      if (current[ch] != null) {
        current[ch].recycle();
        current[ch] = null;
      }
    }
  }

  private void patchLength() {
    byte[] bytes = scratch.getSharedBuffer();
    int length = scratch.length() - 4;
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
  }

  private void copyToChannel(int ch) throws InterruptedException {
    byte[] src = scratch.getSharedBuffer();
    int remaining = scratch.length();
    int offset = 0;
    while (remaining > 0) {
      Buffer buffer = current[ch];
      if (buffer == null) {
        buffer = bufferPool.requestBufferBlocking();
        current[ch] = buffer;
      }
      int n = Math.min(remaining, buffer.capacity() - buffer.size());
      System.arraycopy(src, offset, buffer.memory(), buffer.size(), n);
      buffer.setSize(buffer.size() + n);
      offset += n;
      remaining -= n;
      if (buffer.size() == buffer.capacity()) {
        current[ch] = null;
        partition.getSubpartition(ch).add(buffer);
      }
    }
    if (flushAlways) {
      Buffer buffer = current[ch];
      if (buffer != null) {
        current[ch] = null;
        partition.getSubpartition(ch).add(buffer);
      }
    }
  }
}
