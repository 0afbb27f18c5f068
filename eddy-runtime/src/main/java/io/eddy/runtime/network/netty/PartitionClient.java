package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.partition.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection to a remote TaskManager's {@link PartitionServer}, multiplexing the channels that
 * read from it: sends their requests, credits and closes, and dispatches incoming frames to them by
 * channel id. Reads run on the event loop; sends may come from any thread (Netty orders them).
 */
public final class PartitionClient extends ChannelInboundHandlerAdapter {
  private final String address;
  private final Map<Integer, RemoteInputChannel> channels = new ConcurrentHashMap<>();
  private final AtomicInteger nextChannelId = new AtomicInteger();
  private volatile Channel channel;

  PartitionClient(String address) {
    this.address = address;
  }

  /** Set once connected, before any channel can request. */
  void attach(Channel connected) {
    channel = connected;
  }

  /** Registers {@code input} and asks the server for its subpartition; returns its channel id. */
  int request(RemoteInputChannel input, ResultPartitionId partition, int subpartition, int credit) {
    int id = nextChannelId.getAndIncrement();
    channels.put(id, input);
    Channel c = channel;
    c.writeAndFlush(NettyMessage.partitionRequest(c.alloc(), id, partition, subpartition, credit));
    if (!c.isActive()) {
      channels.remove(id);
      input.onError("connection to TaskManager " + address + " lost");
    }
    return id;
  }

  void announceCredit(int channelId, int credits) {
    Channel c = channel;
    c.writeAndFlush(NettyMessage.credit(c.alloc(), channelId, credits));
  }

  /** The consumer released the channel: the server drops its queue. */
  void close(int channelId) {
    if (channels.remove(channelId) != null) {
      Channel c = channel;
      c.writeAndFlush(NettyMessage.close(c.alloc(), channelId));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      byte type = frame.readByte();
      RemoteInputChannel input = channels.get(frame.readInt());
      if (input == null) {
        return; // released meanwhile; the server learns from our close
      }
      switch (type) {
        case NettyMessage.BUFFER -> {
          int sequence = frame.readInt();
          boolean event = frame.readByte() != 0;
          input.onBuffer(sequence, event, frame);
        }
        case NettyMessage.PRIORITY_EVENT -> input.onPriorityEvent(frame);
        case NettyMessage.ERROR -> input.onError(NettyMessage.readString(frame));
        default -> throw new IllegalStateException("Corrupt frame: unknown type " + type);
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    failAll("connection to TaskManager " + address + " lost");
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failAll("connection to TaskManager " + address + " failed: " + cause.getMessage());
    ctx.close();
  }

  private void failAll(String message) {
    for (RemoteInputChannel input : channels.values()) {
      input.onError(message);
    }
    channels.clear();
  }
}
