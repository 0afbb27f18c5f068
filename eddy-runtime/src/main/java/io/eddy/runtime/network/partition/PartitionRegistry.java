package io.eddy.runtime.network.partition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where consumers find producers' partitions by id. Producers register when their task starts; a
 * consumer that asks first gets a future that completes on registration, so deployment order does
 * not matter.
 *
 * <p>Within one JVM (the embedded cluster) all TaskManagers share one registry and channels hand
 * buffers over in memory; across processes the network transport serves the same partitions.
 */
public final class PartitionRegistry {
  private final Map<ResultPartitionId, CompletableFuture<ResultPartition>> partitions =
      new HashMap<>();

  public void register(ResultPartition partition) {
    future(partition.getId()).complete(partition);
  }

  public CompletableFuture<ResultPartition> lookup(ResultPartitionId id) {
    return future(id);
  }

  /** Forgets a partition (its producer attempt ended and its consumers are done or gone). */
  public synchronized void unregister(ResultPartitionId id) {
    CompletableFuture<ResultPartition> f = partitions.remove(id);
    if (f != null && !f.isDone()) {
      f.cancel(false);
    }
  }

  private synchronized CompletableFuture<ResultPartition> future(ResultPartitionId id) {
    return partitions.computeIfAbsent(id, k -> new CompletableFuture<>());
  }
}
