package io.eddy.runtime.cluster.runner;

import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One gRPC channel per peer target, shared by every client of that peer; closed together. */
final class ControlPlaneConnections implements AutoCloseable {
  /** Deadline of an ordinary control-plane call. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  /** A collect batch is answered only when the client has room: it may wait on a slow reader. */
  static final Duration COLLECT_DEADLINE = Duration.ofDays(1);

  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  ManagedChannel channel(String target) {
    return channels.computeIfAbsent(target, ControlPlaneChannels::channel);
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
