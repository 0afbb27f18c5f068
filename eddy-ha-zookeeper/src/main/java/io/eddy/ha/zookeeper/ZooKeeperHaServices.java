package io.eddy.ha.zookeeper;

import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.ha.CheckpointIdCounter;
import io.eddy.runtime.ha.CompletedCheckpointPointers;
import io.eddy.runtime.ha.HaStorage;
import io.eddy.runtime.ha.HighAvailabilityConfig;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.JobGraphStore;
import io.eddy.runtime.ha.LeaderElection;
import io.eddy.runtime.ha.LeaderRetrieval;
import io.eddy.runtime.ha.LeadershipLostException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ZooKeeper HA services of one process: a Curator client under {@code /eddy/<cluster-id>}.
 *
 * <pre>
 * /eddy/&lt;cluster-id&gt;/leaderlatch/…        the election (Curator LeaderLatch, ephemeral)
 *                    /leader                the leader's session id, RPC and REST address (ephemeral)
 *                    /jobs/&lt;job-id&gt;           where the job's graph and jars are stored
 *                    /checkpoint-ids/&lt;job-id&gt; the next checkpoint id
 *                    /checkpoints/&lt;job-id&gt;    the latest completed checkpoint: id and location
 * </pre>
 *
 * A leader's writes (jobs, checkpoint pointers, removals) are fenced: each is a transaction that
 * also checks that the leader's latch node exists, which it does only while the leader's session
 * lives.
 */
final class ZooKeeperHaServices implements HighAvailabilityServices {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperHaServices.class);
  static final String LEADER_LATCH = "/leaderlatch";
  static final String LEADER = "/leader";
  private static final String JOBS = "/jobs";
  private static final String CHECKPOINT_IDS = "/checkpoint-ids";
  private static final String CHECKPOINTS = "/checkpoints";

  private final HighAvailabilityConfig config;
  private final CuratorFramework client;
  private final HaStorage storage;

  /** The latch node of this process while it leads (what fenced writes check), or null. */
  private volatile String leaderLatchPath;

  ZooKeeperHaServices(HighAvailabilityConfig config) {
    if (config.quorum() == null || config.quorum().isBlank()) {
      throw new IllegalArgumentException(
          "high-availability.zookeeper.quorum must name the ZooKeeper servers (host:port,...).");
    }
    this.config = config;
    this.storage =
        config.storageDir() == null ? null : new HaStorage(config.storageDir(), config.clusterId());
    this.client =
        CuratorFrameworkFactory.builder()
            .connectString(config.quorum())
            .sessionTimeoutMs((int) config.sessionTimeout().toMillis())
            .connectionTimeoutMs((int) config.connectionTimeout().toMillis())
            .retryPolicy(new ExponentialBackoffRetry(100, 10, 1000))
            // Only a lost session is an error: a connection that moves to another server of the
            // ensemble within the session timeout keeps the leader (SUSPENDED is not an error);
            // Curator reports LOST once the session timeout passed without a connection.
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
            .namespace("eddy/" + config.clusterId())
            .build();
    client.start();
  }

  CuratorFramework client() {
    return client;
  }

  void leading(String latchPath) {
    this.leaderLatchPath = latchPath;
  }

  @Override
  public boolean isHighlyAvailable() {
    return true;
  }

  @Override
  public LeaderElection leaderElection() {
    return new ZooKeeperLeaderElection(this);
  }

  @Override
  public LeaderRetrieval leaderRetrieval() {
    return new ZooKeeperLeaderRetrieval(client, describe());
  }

  /**
   * Runs {@code ops} in one transaction with a check that this process still leads.
   *
   * @throws LeadershipLostException if it does not (or ZooKeeper cannot tell it now)
   */
  void fenced(String what, List<CuratorOp> ops) throws LeadershipLostException {
    String latch = leaderLatchPath;
    if (latch == null) {
      throw new LeadershipLostException("Not the leader: cannot " + what);
    }
    List<CuratorOp> all = new ArrayList<>();
    try {
      all.add(client.transactionOp().check().forPath(latch));
      all.addAll(ops);
      client.transaction().forOperations(all);
    } catch (KeeperException.NoNodeException e) {
      throw new LeadershipLostException(
          "This JobManager no longer leads (its ZooKeeper session ended): cannot " + what, e);
    } catch (Exception e) {
      throw new LeadershipLostException(
          "ZooKeeper did not confirm this JobManager's leadership: cannot " + what + " (" + e + ")",
          e);
    }
  }

  @Override
  public JobGraphStore jobGraphStore() {
    return new JobGraphStore() {
      @Override
      public void put(JobGraph jobGraph, List<Path> jars)
          throws IOException, LeadershipLostException {
        HaStorage s = requireStorage();
        String location = s.storeJob(jobGraph, jars);
        try {
          ensureParent(JOBS);
          fenced(
              "store job " + jobGraph.jobId(),
              List.of(
                  op(
                      () ->
                          client
                              .transactionOp()
                              .create()
                              .forPath(JOBS + "/" + jobGraph.jobId(), bytes(location)))));
        } catch (LeadershipLostException | RuntimeException e) {
          s.deleteJob(location);
          throw e;
        }
      }

      @Override
      public Set<String> jobIds() throws IOException {
        try {
          if (client.checkExists().forPath(JOBS) == null) {
            return Set.of();
          }
          return new HashSet<>(client.getChildren().forPath(JOBS));
        } catch (Exception e) {
          throw new IOException("Cannot list the jobs in " + describe() + ": " + e, e);
        }
      }

      @Override
      public StoredJob recover(String jobId, ClassLoader parent) throws IOException {
        String location = read(JOBS + "/" + jobId);
        if (location == null) {
          throw new IOException("Job " + jobId + " is not stored in " + describe());
        }
        return requireStorage().readJob(location, parent);
      }

      @Override
      public void remove(String jobId) throws IOException, LeadershipLostException {
        String location = read(JOBS + "/" + jobId);
        if (location == null) {
          return;
        }
        fenced(
            "remove job " + jobId,
            List.of(op(() -> client.transactionOp().delete().forPath(JOBS + "/" + jobId))));
        requireStorage().deleteJob(location);
      }
    };
  }

  @Override
  public CheckpointIdCounter checkpointIdCounter(String jobId, long first) {
    String path = CHECKPOINT_IDS + "/" + jobId;
    try {
      if (client.checkExists().forPath(path) == null) {
        try {
          client.create().creatingParentsIfNeeded().forPath(path, bytes(Long.toString(first)));
        } catch (KeeperException.NodeExistsException e) {
          // another leader created it meanwhile
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot create the checkpoint id counter of job " + jobId + " in " + describe(), e);
    }
    return new ZooKeeperCheckpointIdCounter(client, path);
  }

  @Override
  public CompletedCheckpointPointers completedCheckpoints(String jobId) {
    String path = CHECKPOINTS + "/" + jobId;
    return new CompletedCheckpointPointers() {
      @Override
      public void add(Pointer pointer) throws LeadershipLostException {
        byte[] data = bytes(pointer.checkpointId() + "\n" + pointer.location());
        try {
          ensureParent(CHECKPOINTS);
          boolean exists = client.checkExists().forPath(path) != null;
          fenced(
              "record checkpoint " + pointer.checkpointId() + " of job " + jobId,
              List.of(
                  exists
                      ? client.transactionOp().setData().forPath(path, data)
                      : client.transactionOp().create().forPath(path, data)));
        } catch (LeadershipLostException e) {
          throw e;
        } catch (Exception e) {
          throw new LeadershipLostException(
              "Cannot record checkpoint " + pointer.checkpointId() + ": " + e, e);
        }
      }

      @Override
      public Optional<Pointer> latest() {
        String text;
        try {
          text = read(path);
        } catch (IOException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
        if (text == null) {
          return Optional.empty();
        }
        int nl = text.indexOf('\n');
        return Optional.of(
            new Pointer(Long.parseLong(text.substring(0, nl)), text.substring(nl + 1)));
      }

      @Override
      public boolean isAuthoritative() {
        return true;
      }
    };
  }

  @Override
  public void jobEnded(String jobId) {
    List<CuratorOp> ops = new ArrayList<>();
    try {
      for (String path : List.of(CHECKPOINT_IDS + "/" + jobId, CHECKPOINTS + "/" + jobId)) {
        if (client.checkExists().forPath(path) != null) {
          ops.add(client.transactionOp().delete().forPath(path));
        }
      }
      if (!ops.isEmpty()) {
        fenced("remove the checkpoint records of job " + jobId, ops);
      }
    } catch (Exception e) {
      LOG.warn(
          "The checkpoint records of ended job {} stay in {}: {}", jobId, describe(), e.toString());
    }
  }

  private void ensureParent(String path) throws LeadershipLostException {
    try {
      if (client.checkExists().forPath(path) == null) {
        client.create().creatingParentsIfNeeded().forPath(path);
      }
    } catch (KeeperException.NodeExistsException e) {
      // created meanwhile
    } catch (Exception e) {
      throw new LeadershipLostException(
          "Cannot reach ZooKeeper at " + config.quorum() + ": " + e, e);
    }
  }

  /** The text of {@code path}, or null if it does not exist. */
  String read(String path) throws IOException {
    try {
      Stat stat = client.checkExists().forPath(path);
      if (stat == null) {
        return null;
      }
      return new String(client.getData().forPath(path), StandardCharsets.UTF_8);
    } catch (KeeperException.NoNodeException e) {
      return null;
    } catch (Exception e) {
      throw new IOException("Cannot read " + path + " in " + describe() + ": " + e, e);
    }
  }

  /** Makes one operation of a transaction. */
  interface OpMaker {
    CuratorOp make() throws Exception;
  }

  static CuratorOp op(OpMaker maker) {
    try {
      return maker.make();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare a ZooKeeper operation: " + e, e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HaStorage requireStorage() {
    if (storage == null) {
      throw new IllegalStateException(
          "high-availability.storageDir must be set: the JobManagers keep job graphs and jars"
              + " there.");
    }
    return storage;
  }

  /** Waits until connected; false if not within the connection timeout. */
  boolean awaitConnected() throws InterruptedException {
    return client.blockUntilConnected(
        (int) config.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String describe() {
    return "ZooKeeper at " + config.quorum() + ", /eddy/" + config.clusterId();
  }

  @Override
  public void close() {
    client.close();
  }
}
