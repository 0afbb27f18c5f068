package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.e2e.EddyCluster.JobManager;
import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.eddy.runtime.rpc.grpc.LeaderSessionFencing;
import io.eddy.runtime.rpc.proto.Empty;
import io.eddy.runtime.rpc.proto.NotifyCheckpointCompleteRequest;
import io.eddy.runtime.rpc.proto.SubmitTaskRequest;
import io.eddy.runtime.rpc.proto.TaskExecutorServiceGrpc;
import io.eddy.runtime.rpc.proto.TriggerCheckpointRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fencing: the leader is frozen with SIGSTOP past its ZooKeeper session timeout; the standby takes
 * over and runs the job; then the frozen leader resumes (SIGCONT), as after a long GC pause. It
 * must not act: the TaskManagers, which follow the new leader, refuse calls under its session
 * (deploying a task, triggering a checkpoint, confirming one so that sinks commit — sent here from
 * the test as it would send them), it completes no checkpoint after it resumed (its record in
 * ZooKeeper would be refused), it steps down (exits with code 3), and the output stays exact.
 */
class JobManagerFencingE2EIT {
  private static final Pattern CHECKPOINT_COMPLETE =
      Pattern.compile("Checkpoint \\d+ of job .* complete");
  private static final Pattern LEADS =
      Pattern.compile("This JobManager leads \\(session (\\S+)\\)");
  private static final Pattern CONTROL_ADDRESS =
      Pattern.compile("^TaskManager .*started.*control at ([\\w.\\-\\[\\]:]*:\\d+)");

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  private TestingServer zooKeeper;
  private HaCluster ha;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1), true);
    ha = new HaCluster(cluster, zooKeeper.getConnectString());
  }

  @AfterEach
  void stopZooKeeper() throws Exception {
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }

  /**
   * Calls {@code tm}'s control plane as the deposed leader would (its session in the header):
   * deploying a task, triggering a checkpoint and confirming one (which commits sinks) are refused
   * before they reach the TaskManager; the current leader's session passes.
   */
  private static void assertRefusesStaleLeader(TaskManager tm, String stale, String current) {
    String control = tm.process().awaitLine(CONTROL_ADDRESS, Duration.ofSeconds(5)).group(1);
    ManagedChannel channel = ControlPlaneChannels.channel(control);
    try {
      var asDeposed =
          TaskExecutorServiceGrpc.newBlockingStub(
                  LeaderSessionFencing.withSession(channel, () -> stale))
              .withDeadlineAfter(30, TimeUnit.SECONDS);
      List<Runnable> calls =
          List.of(
              () -> asDeposed.submitTask(SubmitTaskRequest.getDefaultInstance()),
              () -> asDeposed.triggerCheckpoint(TriggerCheckpointRequest.getDefaultInstance()),
              () ->
                  asDeposed.notifyCheckpointComplete(
                      NotifyCheckpointCompleteRequest.getDefaultInstance()));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run)
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> {
                  assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                  assertThat(e.getStatus().getDescription()).contains("refused").contains(stale);
                });
      }
      var asLeader =
          TaskExecutorServiceGrpc.newBlockingStub(
                  LeaderSessionFencing.withSession(channel, () -> current))
              .withDeadlineAfter(30, TimeUnit.SECONDS);
      assertThat(asLeader.getLocation(Empty.getDefaultInstance()).getLocation())
          .isEqualTo(tm.location());
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  @Timeout(400)
  void aLeaderResumedAfterItsSessionExpiredCannotActAndStepsDown() throws Exception {
    long records = 40_000;
    JobManager frozen = ha.start();
    String staleSession = frozen.process().awaitLine(LEADS, Duration.ofSeconds(30)).group(1);
    Path output = cluster.workDir().resolve("out");
    String jobId = ha.submitCounter(records, output);
    ha.awaitCheckpoints(frozen, jobId, 2);

    frozen.process().signal("STOP");
    try {
      ha.ended(frozen); // not a candidate while frozen
      JobManager leader = ha.awaitLeader();
      ha.awaitJobRunning(leader, jobId);
      ha.awaitCheckpoints(leader, jobId, 1);
      String currentSession = leader.process().awaitLine(LEADS, Duration.ofSeconds(30)).group(1);
      // What the frozen leader would send when it wakes up: the TaskManagers refuse it.
      for (TaskManager tm : cluster.taskManagers()) {
        assertRefusesStaleLeader(tm, staleSession, currentSession);
      }
      assertThat(frozen.process().linesFrom(0))
          .as("checkpoints the leader completed before it was frozen")
          .anyMatch(l -> CHECKPOINT_COMPLETE.matcher(l).find());
      int resumedAt = frozen.process().lineCount();
      List<Integer> taskManagerLines =
          cluster.taskManagers().stream().map(tm -> tm.process().lineCount()).toList();
      System.out.printf(
          "[e2e] %s frozen; %s leads and checkpoints the job; resuming the frozen one%n",
          frozen.process(), leader.process());

      frozen.process().signal("CONT");
      int exit = frozen.process().awaitExit(Duration.ofSeconds(60));
      List<String> afterResume = frozen.process().linesFrom(resumedAt);
      assertThat(exit).as("exit code of the deposed leader:%n%s", afterResume).isEqualTo(3);
      assertThat(afterResume)
          .as("the deposed leader's log after it resumed")
          .anyMatch(l -> l.contains("lost its leadership"));
      assertThat(afterResume)
          .as("checkpoints the deposed leader completed after it resumed")
          .noneMatch(l -> CHECKPOINT_COMPLETE.matcher(l).find());
      List<String> refused = new ArrayList<>();
      for (int i = 0; i < cluster.taskManagers().size(); i++) {
        TaskManager tm = cluster.taskManagers().get(i);
        tm.process().linesFrom(taskManagerLines.get(i)).stream()
            .filter(l -> l.contains("Fencing: refused"))
            .forEach(refused::add);
      }
      System.out.printf(
          "[e2e] the deposed leader exited with %d; the TaskManagers refused %d of its calls%s;"
              + " its log after resuming:%n%s%n",
          exit,
          refused.size(),
          refused.isEmpty() ? "" : ":\n" + String.join("\n", refused),
          String.join("\n", afterResume));
      assertThat(ha.awaitLeader()).isEqualTo(leader);
      ha.awaitFinished(leader, jobId);
      KeyedCountOracle.assertExactlyOnce(output, records, HaCluster.KEYS);
    } finally {
      if (frozen.process().isAlive()) {
        frozen.process().signal("CONT");
      }
    }
  }
}
