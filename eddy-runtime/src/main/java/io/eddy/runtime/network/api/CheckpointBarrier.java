package io.eddy.runtime.network.api;

import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.snapshot.SnapshotType;
import java.nio.ByteBuffer;

/**
 * Marks the point in a channel's stream where checkpoint {@code checkpointId} cuts it: everything
 * before belongs to the checkpoint, everything after to the next. Sources emit barriers when the
 * JobManager triggers them; other tasks snapshot when the barrier arrived on all their inputs and
 * pass it on. Travels as an event buffer: the event code, then id, timestamp and flags.
 *
 * @param type checkpoint or a kind of savepoint
 */
public record CheckpointBarrier(long checkpointId, long timestamp, SnapshotType type) {
  static final int ENCODED_BYTES = 1 + 8 + 8 + 1;

  /**
   * The barrier as an event buffer of its own, not from a pool: under backpressure the pool may be
   * empty, and a barrier must never wait for it.
   */
  Buffer toBuffer() {
    Buffer buffer = new Buffer(new byte[ENCODED_BYTES], ignored -> {});
    buffer.setSize(encode(buffer.memory()));
    buffer.setEvent(true);
    return buffer;
  }

  private int encode(byte[] memory) {
    ByteBuffer b = ByteBuffer.wrap(memory);
    b.put(NetworkEvent.CHECKPOINT_BARRIER.code());
    b.putLong(checkpointId).putLong(timestamp).put((byte) type.ordinal());
    return ENCODED_BYTES;
  }

  /** Reads a barrier from an event buffer that {@link #encode} wrote. */
  public static CheckpointBarrier decode(byte[] memory, int size) {
    if (size != ENCODED_BYTES || memory[0] != NetworkEvent.CHECKPOINT_BARRIER.code()) {
      throw new IllegalStateException("Corrupt stream: not a checkpoint barrier (" + size + " B)");
    }
    ByteBuffer b = ByteBuffer.wrap(memory, 1, ENCODED_BYTES - 1);
    return new CheckpointBarrier(b.getLong(), b.getLong(), SnapshotType.fromOrdinal(b.get()));
  }
}
