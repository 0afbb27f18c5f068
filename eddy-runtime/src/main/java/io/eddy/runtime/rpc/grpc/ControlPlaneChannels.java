package io.eddy.runtime.rpc.grpc;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Channels and servers of the control plane. A target is either {@code host:port} (Netty over TCP)
 * or {@code inprocess:NAME} (grpc-java's in-process transport, used inside one JVM): the same
 * service code runs on both.
 */
public final class ControlPlaneChannels {
  public static final String IN_PROCESS_PREFIX = "inprocess:";

  private ControlPlaneChannels() {}

  /**
   * A channel to {@code target}. It connects lazily and reconnects on its own (with backoff) after
   * the peer went away; calls in between fail fast with {@code UNAVAILABLE}.
   */
  public static ManagedChannel channel(String target) {
    if (target.startsWith(IN_PROCESS_PREFIX)) {
      return InProcessChannelBuilder.forName(target.substring(IN_PROCESS_PREFIX.length()))
          .directExecutor()
          .build();
    }
    return NettyChannelBuilder.forTarget(target).usePlaintext().build();
  }

  /**
   * Starts a server with {@code services}. For {@code inprocess:NAME} it binds that name; for
   * {@code host:port} that socket address (port 0: any free port, see {@link #target(Server,
   * String)}).
   */
  public static Server start(String address, List<BindableService> services) {
    var builder =
        address.startsWith(IN_PROCESS_PREFIX)
            ? InProcessServerBuilder.forName(address.substring(IN_PROCESS_PREFIX.length()))
                .directExecutor()
            // SO_REUSEADDR: a restarted JobManager or TaskManager binds its port again at once.
            : NettyServerBuilder.forAddress(socketAddress(address))
                .withOption(ChannelOption.SO_REUSEADDR, true);
    services.forEach(builder::addService);
    try {
      return builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the control-plane server at " + address, e);
    }
  }

  /** The target under which clients reach {@code server} started at {@code address}. */
  public static String target(Server server, String address) {
    if (address.startsWith(IN_PROCESS_PREFIX)) {
      return address;
    }
    return socketAddress(address).getHostString() + ":" + server.getPort();
  }

  private static InetSocketAddress socketAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not host:port: " + hostPort);
    }
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
