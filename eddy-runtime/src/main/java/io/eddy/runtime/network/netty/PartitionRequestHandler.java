package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.network.partition.ResultPartition;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Server side of one consumer TaskManager's connection: turns partition requests into {@link
 * SubpartitionSender}s, routes credits to them and releases them when the consumer closes a channel
 * or the connection drops. Event loop thread only.
 */
final class PartitionRequestHandler extends ChannelInboundHandlerAdapter {
  private final PartitionRegistry registry;
  private final String taskManagerName;
  private final Duration partitionWaitTimeout;
  private final Map<Integer, SubpartitionSender> senders = new HashMap<>();
  private boolean closed;

  PartitionRequestHandler(
      PartitionRegistry registry, String taskManagerName, Duration partitionWaitTimeout) {
    this.registry = registry;
    this.taskManagerName = taskManagerName;
    this.partitionWaitTimeout = partitionWaitTimeout;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      byte type = frame.readByte();
      int channelId = frame.readInt();
      switch (type) {
        case NettyMessage.PARTITION_REQUEST -> request(ctx, channelId, frame);
        case NettyMessage.CREDIT -> {
          SubpartitionSender sender = senders.get(channelId);
          if (sender != null) {
            sender.addCredit(frame.readInt());
          }
        }
        case NettyMessage.CLOSE -> {
          SubpartitionSender sender = senders.remove(channelId);
          if (sender != null) {
            sender.release();
          }
        }
        default -> throw new IllegalStateException("Corrupt frame: unknown type " + type);
      }
    } finally {
      frame.release();
    }
  }

  private void request(ChannelHandlerContext ctx, int channelId, ByteBuf frame) {
    ResultPartitionId id = new ResultPartitionId(NettyMessage.readString(frame), frame.readInt());
    int subpartition = frame.readInt();
    int credit = frame.readInt();
    // The producer may not have started yet: wait for it, as a local channel does, but not forever.
    registry
        .lookup(id)
        .orTimeout(partitionWaitTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (partition, error) -> {
              if (error != null || subpartition >= partition.getNumberOfSubpartitions()) {
                sendError(ctx, channelId, notFound(id, subpartition, error));
              } else if (!closed) {
                start(ctx, channelId, partition, subpartition, credit);
              }
            },
            ctx.executor());
  }

  private void start(
      ChannelHandlerContext ctx,
      int channelId,
      ResultPartition partition,
      int subpartition,
      int credit) {
    SubpartitionSender sender =
        new SubpartitionSender(ctx, channelId, partition.getSubpartition(subpartition), credit);
    senders.put(channelId, sender);
    sender.start();
  }

  private String notFound(ResultPartitionId id, int subpartition, Throwable error) {
    String why =
        error == null
            ? "it has no subpartition " + subpartition
            : error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                ? "not registered within " + partitionWaitTimeout.toMillis() + " ms"
                : "released";
    return "partition "
        + id.producerAttemptId()
        + "/"
        + id.outputIndex()
        + " not found on TaskManager "
        + taskManagerName
        + " ("
        + why
        + ")";
  }

  private static void sendError(ChannelHandlerContext ctx, int channelId, String message) {
    ctx.writeAndFlush(NettyMessage.error(ctx.alloc(), channelId, message));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // The consumer TaskManager went away: its channels are gone, drop what they would have read.
    closed = true;
    senders.values().forEach(SubpartitionSender::release);
    senders.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
