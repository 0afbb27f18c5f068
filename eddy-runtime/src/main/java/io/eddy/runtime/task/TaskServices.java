package io.eddy.runtime.task;

import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.partition.PartitionRegistry;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a TaskManager lends its tasks.
 *
 * @param networkBufferPool the TaskManager's network memory
 * @param partitionRegistry where partitions are published and found
 * @param timer shared timer thread (callbacks only enqueue mails)
 * @param userCodeClassLoader class loader of the job's code
 * @param buffersPerChannel network buffers a producer may fill per subpartition
 */
public record TaskServices(
    NetworkBufferPool networkBufferPool,
    PartitionRegistry partitionRegistry,
    ScheduledExecutorService timer,
    ClassLoader userCodeClassLoader,
    int buffersPerChannel) {}
