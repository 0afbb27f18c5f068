package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.e2e.EddyCluster.JobManager;
import io.eddy.rest.messages.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ZooKeeper itself failing under an HA cluster (two JobManagers, two TaskManagers, the keyed
 * counter): a stopped ZooKeeper makes the leader step down (nothing is corrupted), and when it is
 * back a leader is elected and recovers the job; a 3-node ensemble that loses one node changes
 * nothing.
 */
class ZooKeeperOutageE2EIT {
  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  private static InstanceSpec fastTicks() {
    return new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1);
  }

  @Test
  @Timeout(400)
  void aStoppedZooKeeperDeposesTheLeaderAndAReturningOneRecoversTheJob() throws Exception {
    try (TestingServer zooKeeper = new TestingServer(fastTicks(), true)) {
      HaCluster ha = new HaCluster(cluster, zooKeeper.getConnectString());
      long records = 40_000;
      JobManager leader = ha.start();
      Path output = cluster.workDir().resolve("out");
      String jobId = ha.submitCounter(records, output);
      ha.awaitCheckpoints(leader, jobId, 2);

      zooKeeper.stop();
      // Without ZooKeeper for its session timeout, the leader cannot know that it still leads.
      int exit = leader.process().awaitExit(Duration.ofSeconds(60));
      assertThat(exit).as("exit code of the leader without ZooKeeper").isEqualTo(3);
      ha.ended(leader);
      System.out.printf("[e2e] ZooKeeper stopped: the leader %s stepped down%n", leader.process());

      zooKeeper.restart();
      ha.startJobManager(leader.process().name()); // a supervisor restarts it
      JobManager next = ha.awaitLeader();
      ha.awaitJobRunning(next, jobId);
      System.out.printf("[e2e] ZooKeeper back: %s leads and runs the job%n", next.process());
      ha.awaitFinished(next, jobId);
      KeyedCountOracle.assertExactlyOnce(output, records, HaCluster.KEYS);
    }
  }

  @Test
  @Timeout(400)
  void aThreeNodeEnsembleLosingOneNodeChangesNothing() throws Exception {
    List<InstanceSpec> specs = new ArrayList<>(List.of(fastTicks(), fastTicks(), fastTicks()));
    try (TestingCluster zooKeeper = new TestingCluster(specs)) {
      zooKeeper.start();
      HaCluster ha = new HaCluster(cluster, zooKeeper.getConnectString());
      long records = 30_000;
      JobManager leader = ha.start();
      Path output = cluster.workDir().resolve("out");
      String jobId = ha.submitCounter(records, output);
      long before = ha.awaitCheckpoints(leader, jobId, 2);

      InstanceSpec lost = specs.get(0);
      assertThat(zooKeeper.killServer(lost)).isTrue();
      System.out.printf("[e2e] ZooKeeper node %s killed%n", lost.getConnectString());
      ha.awaitCheckpoints(leader, jobId, before + 3);
      assertThat(ha.awaitLeader()).isEqualTo(leader);

      Messages.JobDetail finished = ha.awaitFinished(leader, jobId);
      assertThat(ha.awaitLeader()).isEqualTo(leader);
      assertThat(finished.restarts()).as("restarts of the job").isZero();
      KeyedCountOracle.assertExactlyOnce(output, records, HaCluster.KEYS);
    }
  }
}
