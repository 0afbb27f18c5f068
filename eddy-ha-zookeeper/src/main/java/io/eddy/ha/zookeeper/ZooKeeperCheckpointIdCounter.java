package io.eddy.ha.zookeeper;

import io.eddy.runtime.ha.CheckpointIdCounter;
import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * A job's checkpoint ids in one ZooKeeper node, changed by compare-and-set on the node's version:
 * ids grow across leaders and are never given twice. Not fenced: a deposed leader that takes an id
 * only leaves a gap.
 */
final class ZooKeeperCheckpointIdCounter implements CheckpointIdCounter {
  private final CuratorFramework client;
  private final String path;

  ZooKeeperCheckpointIdCounter(CuratorFramework client, String path) {
    this.client = client;
    this.path = path;
  }

  @Override
  public long getAndIncrement() {
    return update(current -> current + 1, true);
  }

  @Override
  public long get() {
    try {
      return Long.parseLong(
          new String(client.getData().forPath(path), StandardCharsets.UTF_8).strip());
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot read the checkpoint id counter " + path + ": " + e, e);
    }
  }

  @Override
  public void setAtLeast(long next) {
    update(current -> Math.max(current, next), false);
  }

  /** Sets the counter to {@code f(current)}; returns the old value if {@code old}, else the new. */
  private long update(java.util.function.LongUnaryOperator f, boolean old) {
    for (int attempt = 0; ; attempt++) {
      try {
        Stat stat = new Stat();
        long current =
            Long.parseLong(
                new String(
                        client.getData().storingStatIn(stat).forPath(path), StandardCharsets.UTF_8)
                    .strip());
        long next = f.applyAsLong(current);
        if (next != current) {
          client
              .setData()
              .withVersion(stat.getVersion())
              .forPath(path, Long.toString(next).getBytes(StandardCharsets.UTF_8));
        }
        return old ? current : next;
      } catch (KeeperException.BadVersionException e) {
        if (attempt > 100) {
          throw new IllegalStateException(
              "The checkpoint id counter " + path + " keeps changing", e);
        }
      } catch (Exception e) {
        throw new IllegalStateException(
            "Cannot update the checkpoint id counter " + path + ": " + e, e);
      }
    }
  }
}
