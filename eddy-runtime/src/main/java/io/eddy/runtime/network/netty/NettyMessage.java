package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.partition.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The data plane's wire protocol: small binary frames, each behind a 4-byte length (added by
 * Netty's {@code LengthFieldPrepender}, split by {@code LengthFieldBasedFrameDecoder}). A frame
 * starts with a type byte; every message after the request names the consumer's channel id, which
 * the consumer picks per connection, so one TCP connection between two TaskManagers multiplexes all
 * their channels.
 *
 * <pre>
 * consumer -> server
 *   PARTITION_REQUEST  type, channelId:int, producerAttemptId:utf, outputIndex:int,
 *                      subpartition:int, initialCredit:int
 *   CREDIT             type, channelId:int, credits:int      (buffers freed for this channel)
 *   CLOSE              type, channelId:int                   (consumer released the channel)
 * server -> consumer
 *   BUFFER             type, channelId:int, sequence:int, isEvent:byte, bytes...
 *   PRIORITY_EVENT     type, channelId:int, bytes...         (overtakes queued buffers)
 *   ERROR              type, channelId:int, message:utf      (one line; the channel fails)
 * </pre>
 *
 * <p>Flow control: the server sends a data buffer only against a credit; each credit stands for one
 * free buffer of the consumer's channel. Events (in-order and priority) need no credit: they are
 * small, and a barrier must get through to a consumer whose buffers are all full.
 */
final class NettyMessage {
  static final byte PARTITION_REQUEST = 1;
  static final byte CREDIT = 2;
  static final byte CLOSE = 3;
  static final byte BUFFER = 4;
  static final byte PRIORITY_EVENT = 5;
  static final byte ERROR = 6;

  /** Largest frame: a 32 KiB buffer and its header leave ample room up to 16 MiB buffers. */
  static final int MAX_FRAME_BYTES = 16 * 1024 * 1024 + 64;

  private NettyMessage() {}

  static ByteBuf partitionRequest(
      ByteBufAllocator alloc,
      int channelId,
      ResultPartitionId partition,
      int subpartition,
      int initialCredit) {
    ByteBuf b = alloc.buffer();
    b.writeByte(PARTITION_REQUEST).writeInt(channelId);
    writeString(b, partition.producerAttemptId());
    b.writeInt(partition.outputIndex()).writeInt(subpartition).writeInt(initialCredit);
    return b;
  }

  static ByteBuf credit(ByteBufAllocator alloc, int channelId, int credits) {
    return alloc.buffer(9).writeByte(CREDIT).writeInt(channelId).writeInt(credits);
  }

  static ByteBuf close(ByteBufAllocator alloc, int channelId) {
    return alloc.buffer(5).writeByte(CLOSE).writeInt(channelId);
  }

  /**
   * A buffer's header; its bytes follow as a wrapped array (no copy) in the same frame, see {@link
   * PartitionServer}.
   */
  static ByteBuf bufferHeader(ByteBufAllocator alloc, int channelId, int sequence, boolean event) {
    return alloc
        .buffer(10)
        .writeByte(BUFFER)
        .writeInt(channelId)
        .writeInt(sequence)
        .writeByte(event ? 1 : 0);
  }

  static ByteBuf priorityEventHeader(ByteBufAllocator alloc, int channelId) {
    return alloc.buffer(5).writeByte(PRIORITY_EVENT).writeInt(channelId);
  }

  static ByteBuf error(ByteBufAllocator alloc, int channelId, String message) {
    ByteBuf b = alloc.buffer().writeByte(ERROR).writeInt(channelId);
    writeString(b, message);
    return b;
  }

  static ByteBuf wrap(ByteBuf header, byte[] memory, int size) {
    return Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(memory, 0, size));
  }

  static void writeString(ByteBuf b, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.writeInt(bytes.length).writeBytes(bytes);
  }

  static String readString(ByteBuf b) {
    int n = b.readInt();
    if (n < 0 || n > b.readableBytes()) {
      throw new IllegalStateException("Corrupt frame: string of " + n + " bytes");
    }
    String s = b.toString(b.readerIndex(), n, StandardCharsets.UTF_8);
    b.skipBytes(n);
    return s;
  }
}
