package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.e2e.EddyCluster.JobManager;
import io.eddy.e2e.EddyCluster.TaskManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * must not act: it completes no checkpoint after it resumed (its record in ZooKeeper is refused),
 * the TaskManagers refuse its calls (deploy, trigger, commit) under the old leader session, it
 * steps down (exits with code 3), and the job's output stays exact.
 */
class JobManagerFencingE2EIT {
  private static final Pattern CHECKPOINT_COMPLETE =
      Pattern.compile("Checkpoint \\d+ of job .* complete");

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

  @Test
  @Timeout(400)
  void aLeaderResumedAfterItsSessionExpiredCannotActAndStepsDown() throws Exception {
    long records = 40_000;
    JobManager frozen = ha.start();
    Path output = cluster.workDir().resolve("out");
    String jobId = ha.submitCounter(records, output);
    ha.awaitCheckpoints(frozen, jobId, 2);

    frozen.process().signal("STOP");
    try {
      ha.ended(frozen); // not a candidate while frozen
      JobManager leader = ha.awaitLeader();
      ha.awaitJobRunning(leader, jobId);
      ha.awaitCheckpoints(leader, jobId, 1);
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
          .as("checkpoints the deposed leader completed after it resumed")
          .noneMatch(l -> CHECKPOINT_COMPLETE.matcher(l).find());
      long refusals = 0;
      for (int i = 0; i < cluster.taskManagers().size(); i++) {
        TaskManager tm = cluster.taskManagers().get(i);
        refusals +=
            tm.process().linesFrom(taskManagerLines.get(i)).stream()
                .filter(l -> l.contains("Fencing: refused"))
                .count();
      }
      System.out.printf(
          "[e2e] the deposed leader exited with %d; the TaskManagers refused %d of its calls;"
              + " lines it logged after resuming:%n%s%n",
          exit, refusals, String.join("\n", afterResume));

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
