package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.partition.PartitionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Serves one TaskManager's result subpartitions to consumers on other TaskManagers over TCP (NIO
 * transport; the protocol is in {@link NettyMessage}). Each accepted connection gets a {@link
 * PartitionRequestHandler} that reads the requested subpartitions as their consumer, like a {@link
 * io.eddy.runtime.network.input.LocalInputChannel} would, and sends buffers against credit.
 */
public final class PartitionServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel serverChannel;

  /**
   * @param port 0 for an ephemeral port
   * @param partitionWaitTimeout how long a request waits for its producer to register the partition
   *     before the consumer gets "not found"
   */
  public PartitionServer(
      String host,
      int port,
      PartitionRegistry registry,
      String taskManagerName,
      Duration partitionWaitTimeout) {
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      this.serverChannel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(
                              new LengthFieldBasedFrameDecoder(
                                  NettyMessage.MAX_FRAME_BYTES, 0, 4, 0, 4),
                              new LengthFieldPrepender(4),
                              new PartitionRequestHandler(
                                  registry, taskManagerName, partitionWaitTimeout));
                    }
                  })
              .bind(host, port)
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** The bound port (the ephemeral one if 0 was asked for). */
  public int getPort() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
