package io.eddy.ha.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.core.execution.ExecutionConfig;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.ha.CheckpointIdCounter;
import io.eddy.runtime.ha.CompletedCheckpointPointers.Pointer;
import io.eddy.runtime.ha.HighAvailabilityConfig;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.HighAvailabilityServicesFactory;
import io.eddy.runtime.ha.LeaderContender;
import io.eddy.runtime.ha.LeaderElection;
import io.eddy.runtime.ha.LeaderInfo;
import io.eddy.runtime.ha.LeaderRetrieval;
import io.eddy.runtime.ha.LeadershipLostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ZooKeeper HA services against a real ZooKeeper server (curator-test), 200 ms ticks. */
class ZooKeeperHaServicesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path storage;
  private TestingServer server;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1), true);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    server.close();
  }

  private ZooKeeperHaServices services() {
    HighAvailabilityServices ha =
        HighAvailabilityServicesFactory.load(
            new HighAvailabilityConfig(
                "zookeeper",
                server.getConnectString(),
                "test",
                storage.toString(),
                Duration.ofMillis(2000),
                Duration.ofMillis(3000)));
    closeables.add(ha);
    return (ZooKeeperHaServices) ha;
  }

  /** Records what an election tells it. */
  private static final class Contender implements LeaderContender {
    final AtomicReference<String> session = new AtomicReference<>();
    volatile boolean revoked;

    @Override
    public void grantLeadership(String sessionId) {
      session.set(sessionId);
    }

    @Override
    public void revokeLeadership() {
      revoked = true;
      session.set(null);
    }
  }

  private LeaderElection elect(ZooKeeperHaServices ha, Contender contender) {
    LeaderElection election = ha.leaderElection();
    closeables.add(election);
    election.start(contender);
    return election;
  }

  @Test
  void oneOfTwoLeadsAndTheOtherTakesOverWhenItLeaves() throws Exception {
    ZooKeeperHaServices a = services();
    ZooKeeperHaServices b = services();
    Contender ca = new Contender();
    Contender cb = new Contender();
    LeaderElection ea = elect(a, ca);
    await().atMost(WAIT).until(() -> ca.session.get() != null);
    LeaderElection eb = elect(b, cb);
    assertThat(ea.publish(new LeaderInfo(ca.session.get(), "a:1", "a:2"))).isTrue();

    LeaderRetrieval retrieval = b.leaderRetrieval();
    closeables.add(retrieval);
    AtomicReference<LeaderInfo> seen = new AtomicReference<>();
    retrieval.start(seen::set);
    await().atMost(WAIT).until(() -> seen.get() != null && seen.get().rpcAddress().equals("a:1"));
    assertThat(retrieval.awaitLeader(WAIT).restAddress()).isEqualTo("a:2");
    assertThat(cb.session.get()).isNull();
    assertThat(eb.publish(new LeaderInfo("not-a-session", "b:1", "b:2"))).isFalse();

    ea.close();
    await().atMost(WAIT).until(() -> cb.session.get() != null);
    assertThat(cb.session.get()).isNotEqualTo(ca.session.get());
    assertThat(eb.publish(new LeaderInfo(cb.session.get(), "b:1", "b:2"))).isTrue();
    await().atMost(WAIT).until(() -> seen.get() != null && seen.get().rpcAddress().equals("b:1"));
  }

  @Test
  void aDeposedLeaderCannotRecordACheckpointNorChangeTheStoredJobs() throws Exception {
    ZooKeeperHaServices a = services();
    ZooKeeperHaServices b = services();
    Contender ca = new Contender();
    elect(a, ca);
    await().atMost(WAIT).until(() -> ca.session.get() != null);
    Contender cb = new Contender();
    elect(b, cb);

    Path jar = Files.writeString(storage.resolve("job.jar"), "not really a jar");
    JobGraph graph =
        new JobGraph("job-1", "test job", List.of(), List.of(), new ExecutionConfig(1, 128, 100));
    a.jobGraphStore().put(graph, List.of(jar));
    a.completedCheckpoints("job-1").add(new Pointer(7, "/checkpoints/chk-7"));
    assertThat(b.jobGraphStore().jobIds()).containsExactly("job-1");
    assertThat(b.completedCheckpoints("job-1").latest())
        .contains(new Pointer(7, "/checkpoints/chk-7"));

    // A's ZooKeeper session expires (as after a long GC pause): B leads, A's writes are refused.
    a.client().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    await().atMost(WAIT).until(() -> ca.revoked && cb.session.get() != null);
    assertThatThrownBy(
            () -> a.completedCheckpoints("job-1").add(new Pointer(8, "/checkpoints/chk-8")))
        .isInstanceOf(LeadershipLostException.class);
    assertThatThrownBy(() -> a.jobGraphStore().remove("job-1"))
        .isInstanceOf(LeadershipLostException.class);
    assertThat(b.completedCheckpoints("job-1").latest())
        .contains(new Pointer(7, "/checkpoints/chk-7"));

    // The new leader reads the job back, records its checkpoints and removes the job at its end.
    var stored = b.jobGraphStore().recover("job-1", getClass().getClassLoader());
    assertThat(stored.jobGraph().jobName()).isEqualTo("test job");
    assertThat(stored.jars()).hasSize(1);
    b.completedCheckpoints("job-1").add(new Pointer(9, "/checkpoints/chk-9"));
    assertThat(a.completedCheckpoints("job-1").latest())
        .contains(new Pointer(9, "/checkpoints/chk-9"));
    b.jobGraphStore().remove("job-1");
    b.jobEnded("job-1");
    assertThat(a.jobGraphStore().jobIds()).isEmpty();
    assertThat(b.completedCheckpoints("job-1").latest()).isEmpty();
    assertThat(stored.jars().get(0)).doesNotExist();
  }

  @Test
  void checkpointIdsKeepGrowingAcrossLeaders() {
    ZooKeeperHaServices a = services();
    ZooKeeperHaServices b = services();
    CheckpointIdCounter first = a.checkpointIdCounter("job-1", 1);
    assertThat(first.getAndIncrement()).isEqualTo(1);
    assertThat(first.getAndIncrement()).isEqualTo(2);
    CheckpointIdCounter second = b.checkpointIdCounter("job-1", 1);
    assertThat(second.getAndIncrement()).isEqualTo(3);
    second.setAtLeast(10);
    second.setAtLeast(5);
    assertThat(first.getAndIncrement()).isEqualTo(10);
    assertThat(second.get()).isEqualTo(11);
  }

  @Test
  void aLeaderWithoutZooKeeperForItsSessionTimeoutStepsDown() throws Exception {
    ZooKeeperHaServices a = services();
    Contender ca = new Contender();
    elect(a, ca);
    await().atMost(WAIT).until(() -> ca.session.get() != null);
    server.stop(); // the connection drops: SUSPENDED, then LOST after the session timeout
    await().atMost(WAIT).until(() -> ca.revoked);
    server.restart();
    await().atMost(WAIT).until(() -> ca.session.get() != null); // elected again after reconnecting
  }
}
