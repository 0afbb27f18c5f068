package io.eddy.runtime.rpc.grpc;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The two transports the control-plane tests run on: in-process and Netty on loopback. */
enum Transport {
  IN_PROCESS,
  NETTY_LOOPBACK;

  String freshAddress() {
    return this == IN_PROCESS
        ? ControlPlaneChannels.IN_PROCESS_PREFIX + "test-" + UUID.randomUUID()
        : "127.0.0.1:0";
  }

  /** A started server and a channel to it; {@link #restart()} brings it back at the same target. */
  static final class Endpoint implements AutoCloseable {
    private final List<BindableService> services;
    final String target;
    final ManagedChannel channel;
    private Server server;

    Endpoint(Transport transport, List<BindableService> services) {
      this.services = services;
      String address = transport.freshAddress();
      this.server = ControlPlaneChannels.start(address, services);
      this.target = ControlPlaneChannels.target(server, address);
      this.channel = ControlPlaneChannels.channel(target);
    }

    void stopServer() throws InterruptedException {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    void startServer() {
      server = ControlPlaneChannels.start(target, services);
    }

    @Override
    public void close() throws InterruptedException {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      stopServer();
    }
  }
}
