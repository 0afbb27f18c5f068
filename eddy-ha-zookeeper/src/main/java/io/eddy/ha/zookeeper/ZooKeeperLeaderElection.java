package io.eddy.ha.zookeeper;

import io.eddy.runtime.ha.LeaderContender;
import io.eddy.runtime.ha.LeaderElection;
import io.eddy.runtime.ha.LeaderInfo;
import io.eddy.runtime.ha.LeadershipLostException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election in ZooKeeper: a Curator {@link LeaderLatch}. Leadership is revoked as soon as the
 * ZooKeeper session is LOST (expired, or no connection for the session timeout): by then ZooKeeper
 * has deleted the latch node and another JobManager may lead. A connection that is only SUSPENDED
 * and comes back within the session (another server of the ensemble) keeps the leader; in the
 * meantime its fenced writes and the TaskManagers' session check keep a leader that is about to be
 * deposed from acting. Each grant gets a new session id; the leader publishes it with its addresses
 * in the ephemeral {@code /leader} node, written only while its latch node exists.
 */
final class ZooKeeperLeaderElection implements LeaderElection {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLeaderElection.class);

  private final ZooKeeperHaServices services;
  private final CuratorFramework client;
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "leader-election");
            t.setDaemon(true);
            return t;
          });
  private LeaderLatch latch;
  private volatile String session;

  ZooKeeperLeaderElection(ZooKeeperHaServices services) {
    this.services = services;
    this.client = services.client();
  }

  @Override
  public synchronized void start(LeaderContender contender) {
    latch = new LeaderLatch(client, ZooKeeperHaServices.LEADER_LATCH);
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            String s = UUID.randomUUID().toString();
            session = s;
            services.leading(latch.getOurPath());
            contender.grantLeadership(s);
          }

          @Override
          public void notLeader() {
            session = null;
            services.leading(null);
            contender.revokeLeadership();
          }
        },
        events);
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot enter the leader election in " + services.describe(), e);
    }
  }

  @Override
  public boolean publish(LeaderInfo info) {
    if (!hasLeadership(info.sessionId())) {
      return false;
    }
    try {
      // The last leader's node goes with its session; a node left by a session ZooKeeper has not
      // expired yet is replaced.
      if (client.checkExists().forPath(ZooKeeperHaServices.LEADER) != null) {
        try {
          services.fenced(
              "replace the leader node",
              List.of(client.transactionOp().delete().forPath(ZooKeeperHaServices.LEADER)));
        } catch (LeadershipLostException e) {
          if (!(e.getCause() instanceof KeeperException.NoNodeException)
              || !hasLeadership(info.sessionId())) {
            throw e;
          }
        }
      }
      services.fenced(
          "publish the leader",
          List.of(
              client
                  .transactionOp()
                  .create()
                  .withMode(CreateMode.EPHEMERAL)
                  .forPath(ZooKeeperHaServices.LEADER, ZooKeeperHaServices.bytes(info.encode()))));
      return true;
    } catch (Exception e) {
      LOG.warn("Could not publish the leader {}: {}", info, e.toString());
      return false;
    }
  }

  @Override
  public boolean hasLeadership(String sessionId) {
    LeaderLatch l = latch;
    return l != null && l.hasLeadership() && sessionId != null && sessionId.equals(session);
  }

  @Override
  public synchronized void close() {
    if (latch != null && latch.getState() == LeaderLatch.State.STARTED) {
      try {
        latch.close(LeaderLatch.CloseMode.SILENT);
      } catch (IOException | IllegalStateException e) {
        LOG.warn("Could not leave the leader election: {}", e.toString());
      }
    }
    events.shutdownNow();
  }
}
