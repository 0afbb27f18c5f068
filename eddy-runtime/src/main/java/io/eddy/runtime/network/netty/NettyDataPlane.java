package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.input.InputChannel;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.network.partition.ResultPartitionId;
import java.time.Duration;

/**
 * A TaskManager's network data plane: the {@link PartitionServer} that serves its partitions and
 * the {@link ConnectionManager} its remote input channels share. Its address ("host:port") is the
 * TaskManager's location, which deployment descriptors name as the producer's location.
 */
public final class NettyDataPlane implements AutoCloseable {
  /** Exclusive buffers (credits) of each remote input channel. */
  public static final int DEFAULT_EXCLUSIVE_BUFFERS = 2;

  /** How long a partition request waits for its producer to register. */
  public static final Duration DEFAULT_PARTITION_WAIT = Duration.ofSeconds(30);

  private final PartitionServer server;
  private final ConnectionManager connections = new ConnectionManager();
  private final String address;
  private final int exclusiveBuffers;

  public NettyDataPlane(
      String host,
      int port,
      PartitionRegistry registry,
      String taskManagerName,
      Duration partitionWait,
      int exclusiveBuffers) {
    this.server = new PartitionServer(host, port, registry, taskManagerName, partitionWait);
    this.address = host + ":" + server.getPort();
    this.exclusiveBuffers = exclusiveBuffers;
  }

  /** On {@code host}, ephemeral port, default waits and buffers. */
  public static NettyDataPlane start(String host, PartitionRegistry registry, String name) {
    return new NettyDataPlane(
        host, 0, registry, name, DEFAULT_PARTITION_WAIT, DEFAULT_EXCLUSIVE_BUFFERS);
  }

  public String address() {
    return address;
  }

  /** True if a producer at {@code producerLocation} runs on this TaskManager. */
  public boolean isLocal(String producerLocation) {
    return address.equals(producerLocation);
  }

  public InputChannel createRemoteChannel(
      String producerAddress,
      ResultPartitionId partitionId,
      int subpartition,
      NetworkBufferPool bufferPool) {
    return new RemoteInputChannel(
        connections, producerAddress, partitionId, subpartition, bufferPool, exclusiveBuffers);
  }

  public ConnectionManager getConnectionManager() {
    return connections;
  }

  @Override
  public void close() {
    try {
      connections.close();
    } finally {
      server.close();
    }
  }
}
