package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.partition.BufferAvailabilityListener;
import io.eddy.runtime.network.partition.ResultSubpartition;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;

/**
 * Reads one subpartition for a remote consumer and writes its buffers to the connection: priority
 * events at once, in-order events at once, data buffers only while the consumer has credit. Without
 * credit the buffers stay queued in the subpartition, the producer's buffer pool runs dry and the
 * producing task waits: backpressure crosses the network with bounded memory.
 *
 * <p>A buffer is recycled (back to the producer's pool) once its bytes are written to the socket,
 * not when queued in Netty, so memory stays bounded by the producer's pool. Event loop thread,
 * except the listener callbacks, which only hand over to it.
 */
final class SubpartitionSender implements BufferAvailabilityListener {
  private final ChannelHandlerContext ctx;
  private final int channelId;
  private final ResultSubpartition subpartition;
  private int credit;
  private int sequence;
  private boolean released;

  SubpartitionSender(
      ChannelHandlerContext ctx, int channelId, ResultSubpartition subpartition, int credit) {
    this.ctx = ctx;
    this.channelId = channelId;
    this.subpartition = subpartition;
    this.credit = credit;
  }

  void start() {
    subpartition.setListener(this);
  }

  void addCredit(int credits) {
    credit += credits;
    send();
  }

  @Override
  public void notifyDataAvailable() {
    ctx.executor().execute(this::send);
  }

  @Override
  public void notifyPriorityEvent() {
    ctx.executor().execute(this::send);
  }

  /** Writes what may be sent now and flushes once. */
  private void send() {
    if (released) {
      return;
    }
    boolean wrote = false;
    Buffer event;
    while ((event = subpartition.pollPriorityEvent()) != null) {
      write(NettyMessage.priorityEventHeader(ctx.alloc(), channelId), event);
      wrote = true;
    }
    Buffer next;
    while ((next = subpartition.pollInOrder(credit > 0)) != null) {
      if (!next.isEvent()) {
        credit--;
      }
      write(NettyMessage.bufferHeader(ctx.alloc(), channelId, sequence++, next.isEvent()), next);
      wrote = true;
    }
    if (wrote) {
      ctx.flush();
    }
  }

  private void write(io.netty.buffer.ByteBuf header, Buffer buffer) {
    ctx.write(NettyMessage.wrap(header, buffer.memory(), buffer.size()))
        .addListener(
            (ChannelFutureListener)
                f -> {
                  buffer.recycle();
                  if (!f.isSuccess()) {
                    f.channel().close();
                  }
                });
  }

  /** The consumer is gone: drop what is queued, as a released local channel does. */
  void release() {
    released = true;
    subpartition.release();
  }
}
