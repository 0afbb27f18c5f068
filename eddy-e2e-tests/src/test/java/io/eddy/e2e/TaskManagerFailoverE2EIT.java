package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.rest.messages.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JobManager and three TaskManagers (2 slots each) as separate processes; an exactly-once keyed
 * counter at parallelism 4 loses TaskManagers to SIGKILL mid-run and must still write every record
 * exactly once with per-key counts 1..n. Prints the time from each kill until processing resumed:
 * the REST API shows one more restart and every subtask RUNNING again, none on the dead
 * TaskManager.
 */
class TaskManagerFailoverE2EIT {
  private static final int PARALLELISM = 4;
  private static final int KEYS = 16;
  private static final double RECORDS_PER_SECOND = 2_000;
  private static final Duration RECOVERY_TIMEOUT = EddyCluster.RECOVERY_TIMEOUT;
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @Test
  @Timeout(300)
  void aKilledTaskManagersWorkResumesOnTheSurvivorsExactlyOnce() throws Exception {
    long records = 50_000; // 25 s at the rate
    cluster.startJobManager();
    cluster.startTaskManagers(3, 2, EddyScript.SERVER_JAVA_OPTS);
    Path output = cluster.workDir().resolve("out");
    String jobId = submitCounter(records, output);

    cluster.awaitCheckpointsAfter(jobId, 0, 2);
    Messages.JobDetail job =
        cluster.awaitJob(jobId, "every subtask RUNNING", RECOVERY_TIMEOUT, EddyCluster::allRunning);
    TaskManager victim = cluster.aTaskManagerRunningSubtasksOf(job);
    EddyCluster.Recovery recovery = cluster.killAndAwaitRecovery(jobId, victim, job.restarts());
    System.out.printf(
        "[e2e] killed %s holding subtasks; declared lost after %d ms, processing resumed after %d"
            + " ms%n",
        victim, recovery.lostMillis(), recovery.resumedMillis());

    Messages.JobDetail finished =
        cluster.awaitJob(
            jobId, "the job to finish", JOB_TIMEOUT, j -> "FINISHED".equals(j.status()));
    long lines = KeyedCountOracle.assertExactlyOnce(output, records, KEYS);
    System.out.printf(
        "[e2e] job finished after %d ms with %d restart(s); %d records, each exactly once%n",
        finished.duration(), finished.restarts(), lines);
    assertThat(finished.restarts()).isGreaterThanOrEqualTo(1);
  }

  @Test
  @Timeout(900)
  void repeatedKillsWithReplacementTaskManagersKeepTheOutputExact() throws Exception {
    // -Deddy.e2e.kills=10 (or more) for the recovery-time figures; 5 in the default build.
    int kills = Integer.getInteger("eddy.e2e.kills", 5);
    long records = 20_000L * kills; // 10 s per kill at the rate: room on a loaded machine
    cluster.startJobManager();
    cluster.startTaskManagers(3, 2, EddyScript.SERVER_JAVA_OPTS);
    Path output = cluster.workDir().resolve("out");
    String jobId = submitCounter(records, output);

    long submitted = System.nanoTime();
    List<Long> recoveryMillis = new ArrayList<>();
    long checkpoints = 0;
    for (int kill = 1; kill <= kills; kill++) {
      // Progress between kills: two checkpoints completed since the last recovery.
      checkpoints = cluster.awaitCheckpointsAfter(jobId, checkpoints, 2);
      Messages.JobDetail job =
          cluster.awaitJob(
              jobId,
              "every subtask RUNNING before kill " + kill + " (raise the records if it finished)",
              RECOVERY_TIMEOUT,
              EddyCluster::allRunning);
      TaskManager victim = cluster.aTaskManagerRunningSubtasksOf(job);
      EddyCluster.Recovery recovery = cluster.killAndAwaitRecovery(jobId, victim, job.restarts());
      recoveryMillis.add(recovery.resumedMillis());
      System.out.printf(
          "[e2e] kill %d: %s; declared lost after %d ms, processing resumed after %d ms%n",
          kill, victim, recovery.lostMillis(), recovery.resumedMillis());
      checkpoints = cluster.rest().checkpoints(jobId).completed();
      cluster.startTaskManagers(1, 2, EddyScript.SERVER_JAVA_OPTS); // capacity back to 6 slots
    }
    System.out.printf(
        "[e2e] %d kills and replacements done %d s after the submission%n",
        kills, Duration.ofNanos(System.nanoTime() - submitted).toSeconds());

    Messages.JobDetail finished =
        cluster.awaitJob(
            jobId, "the job to finish", JOB_TIMEOUT, j -> "FINISHED".equals(j.status()));
    long lines = KeyedCountOracle.assertExactlyOnce(output, records, KEYS);
    List<Long> sorted = recoveryMillis.stream().sorted().toList();
    System.out.printf(
        "[e2e] %d kills; recovery times %s ms; p50 %d ms, max %d ms; job finished after %d ms with"
            + " %d restarts; %d records, each exactly once%n",
        kills,
        recoveryMillis,
        sorted.get((sorted.size() - 1) / 2),
        sorted.get(sorted.size() - 1),
        finished.duration(),
        finished.restarts(),
        lines);
    assertThat(finished.restarts()).isGreaterThanOrEqualTo(kills);
  }

  private String submitCounter(long records, Path output) throws Exception {
    return cluster.submit(
        JobJars.jarOf(cluster.workDir(), KeyedCountingJob.class),
        PARALLELISM,
        output.toString(),
        cluster.workDir().resolve("job-checkpoints").toString(),
        String.valueOf(records),
        String.valueOf(RECORDS_PER_SECOND),
        String.valueOf(KEYS));
  }
}
