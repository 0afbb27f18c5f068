package io.eddy.runtime.task;

import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.time.Clock;

/**
 * What a TaskManager lends its tasks.
 *
 * @param networkBufferPool the TaskManager's network memory
 * @param partitionRegistry where partitions are published and found
 * @param clock processing time and timers (actions only enqueue mails); a manual clock in tests
 * @param userCodeClassLoader class loader of the job's code
 * @param buffersPerChannel network buffers a producer may fill per subpartition
 * @param checkpointIo runs the asynchronous parts of checkpoints (writing state files)
 * @param dataPlane the network transport to producers on other TaskManagers, or null if every
 *     producer is reachable in memory (the embedded cluster's local transport)
 */
public record TaskServices(
    NetworkBufferPool networkBufferPool,
    PartitionRegistry partitionRegistry,
    Clock clock,
    ClassLoader userCodeClassLoader,
    int buffersPerChannel,
    java.util.concurrent.Executor checkpointIo,
    io.eddy.runtime.network.netty.NettyDataPlane dataPlane) {

  /** Whether a producer at {@code producerLocation} is read in memory (else over the network). */
  public boolean isLocal(String producerLocation) {
    return dataPlane == null || dataPlane.isLocal(producerLocation);
  }
}
