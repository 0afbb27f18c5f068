package io.eddy.ha.zookeeper;

import io.eddy.runtime.ha.LeaderInfo;
import io.eddy.runtime.ha.LeaderRetrieval;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.KeeperException;

/**
 * Follows the ephemeral {@code /leader} node with a Curator {@link CuratorCache}: every change is
 * handed to the listener on one thread of its own. After a reconnection the node is read again.
 */
final class ZooKeeperLeaderRetrieval implements LeaderRetrieval {
  private final CuratorFramework client;
  private final String where;
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "leader-retrieval");
            t.setDaemon(true);
            return t;
          });
  private CuratorCache cache;

  ZooKeeperLeaderRetrieval(CuratorFramework client, String where) {
    this.client = client;
    this.where = where;
  }

  @Override
  public synchronized void start(Consumer<LeaderInfo> listener) {
    cache =
        CuratorCache.build(
            client, ZooKeeperHaServices.LEADER, CuratorCache.Options.SINGLE_NODE_CACHE);
    cache
        .listenable()
        .addListener(
            CuratorCacheListener.builder()
                .forAll(
                    (type, oldData, data) -> {
                      LeaderInfo info = decode(data);
                      events.execute(() -> listener.accept(info));
                    })
                .build());
    client
        .getConnectionStateListenable()
        .addListener(
            (c, state) -> {
              if (state == ConnectionState.RECONNECTED) {
                events.execute(() -> listener.accept(readNow()));
              }
            });
    cache.start();
  }

  private static LeaderInfo decode(ChildData data) {
    return data == null || data.getData() == null
        ? null
        : LeaderInfo.decode(new String(data.getData(), StandardCharsets.UTF_8));
  }

  private LeaderInfo readNow() {
    try {
      return LeaderInfo.decode(
          new String(client.getData().forPath(ZooKeeperHaServices.LEADER), StandardCharsets.UTF_8));
    } catch (KeeperException.NoNodeException e) {
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public LeaderInfo awaitLeader(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      LeaderInfo info = readNow();
      if (info != null) {
        return info;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "No JobManager leads in " + where + " (waited " + timeout.toMillis() + " ms).");
      }
      try {
        Thread.sleep(100); // polling ZooKeeper for a leader to appear
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while looking up the leader", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (cache != null) {
      cache.close();
    }
    events.shutdownNow();
  }
}
