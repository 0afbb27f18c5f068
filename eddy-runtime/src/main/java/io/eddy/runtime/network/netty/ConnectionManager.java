package io.eddy.runtime.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TaskManager's client side of the data plane: one TCP connection per remote TaskManager address,
 * shared by all the {@link RemoteInputChannel}s that read from it. A connection that drops is
 * forgotten, so a later request (after a restart) connects anew. Thread-safe.
 */
public final class ConnectionManager implements AutoCloseable {
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Map<String, CompletableFuture<PartitionClient>> clients = new HashMap<>();
  private boolean closed;

  /** The connection to {@code address} ("host:port"), opened on first use. */
  public synchronized CompletableFuture<PartitionClient> connect(String address) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("connections closed"));
    }
    return clients.computeIfAbsent(address, this::open);
  }

  private CompletableFuture<PartitionClient> open(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("not a host:port address: " + address));
    }
    CompletableFuture<PartitionClient> result = new CompletableFuture<>();
    PartitionClient client = new PartitionClient(address);
    ChannelFuture connecting =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            new LengthFieldBasedFrameDecoder(
                                NettyMessage.MAX_FRAME_BYTES, 0, 4, 0, 4),
                            new LengthFieldPrepender(4),
                            client);
                  }
                })
            .connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    connecting.addListener(
        f -> {
          if (f.isSuccess()) {
            Channel channel = connecting.channel();
            client.attach(channel);
            channel.closeFuture().addListener(c -> forget(address, result));
            result.complete(client);
          } else {
            forget(address, result);
            result.completeExceptionally(
                new RemoteChannelException(
                    "cannot connect to TaskManager " + address + ": " + f.cause().getMessage()));
          }
        });
    return result;
  }

  private synchronized void forget(String address, CompletableFuture<PartitionClient> client) {
    clients.remove(address, client);
  }

  /** Open connections (for tests and metrics). */
  public synchronized int numberOfConnections() {
    return (int)
        clients.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      clients.clear();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
