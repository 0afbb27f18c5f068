package io.eddy.runtime.task;

import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.netty.NettyDataPlane;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.time.Clock;
import java.util.concurrent.Executor;

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
 * @param stateBackend where the operators keep their keyed and operator state
 */
public record TaskServices(
    NetworkBufferPool networkBufferPool,
    PartitionRegistry partitionRegistry,
    Clock clock,
    ClassLoader userCodeClassLoader,
    int buffersPerChannel,
    Executor checkpointIo,
    NettyDataPlane dataPlane,
    StateBackend stateBackend) {

  /** Whether a producer at {@code producerLocation} is read in memory (else over the network). */
  public boolean isLocal(String producerLocation) {
    return dataPlane == null || dataPlane.isLocal(producerLocation);
  }
}
