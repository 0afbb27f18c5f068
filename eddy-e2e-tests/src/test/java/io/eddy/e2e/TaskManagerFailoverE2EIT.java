package io.eddy.e2e;

import static io.eddy.e2e.EddyCluster.allRunning;
import static io.eddy.e2e.EddyCluster.locationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.rest.messages.Messages;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
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

    awaitCheckpointsAfter(jobId, 0, 2);
    Messages.JobDetail job =
        cluster.awaitJob(jobId, "every subtask RUNNING", RECOVERY_TIMEOUT, EddyCluster::allRunning);
    TaskManager victim = aTaskManagerRunningSubtasksOf(job);
    Recovery recovery = killAndAwaitRecovery(jobId, victim, job.restarts());
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
      checkpoints = awaitCheckpointsAfter(jobId, checkpoints, 2);
      Messages.JobDetail job =
          cluster.awaitJob(
              jobId,
              "every subtask RUNNING before kill " + kill + " (raise the records if it finished)",
              RECOVERY_TIMEOUT,
              EddyCluster::allRunning);
      TaskManager victim = aTaskManagerRunningSubtasksOf(job);
      Recovery recovery = killAndAwaitRecovery(jobId, victim, job.restarts());
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

  /** Waits until at least {@code more} checkpoints completed beyond {@code before}. */
  private long awaitCheckpointsAfter(String jobId, long before, int more) {
    long[] completed = new long[1];
    await(more + " more completed checkpoints")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              cluster.assertAllAlive();
              completed[0] = cluster.rest().checkpoints(jobId).completed();
              return completed[0] >= before + more;
            });
    return completed[0];
  }

  private TaskManager aTaskManagerRunningSubtasksOf(Messages.JobDetail job) {
    Set<String> used = locationsOf(job);
    List<TaskManager> candidates =
        cluster.taskManagers().stream().filter(tm -> used.contains(tm.location())).toList();
    assertThat(candidates)
        .as(
            "TaskManagers %s running subtasks at %s",
            cluster.taskManagers().stream().map(TaskManager::location).collect(Collectors.toList()),
            used)
        .isNotEmpty();
    return candidates.get(0);
  }

  /**
   * Milliseconds from a kill until the JobManager dropped the TaskManager and until processing
   * resumed.
   */
  private record Recovery(long lostMillis, long resumedMillis) {}

  /**
   * SIGKILLs the TaskManager and measures until the REST API no longer lists it, and until it shows
   * a restart more than {@code restartsBefore} with every subtask RUNNING, none at the victim's
   * location.
   */
  private Recovery killAndAwaitRecovery(String jobId, TaskManager victim, int restartsBefore) {
    long killedAt = cluster.kill(victim);
    long[] lostAt = new long[1];
    long[] resumedAt = new long[1];
    String what = "processing to resume after killing " + victim;
    await(what)
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              cluster.assertAllAlive();
              if (lostAt[0] == 0
                  && cluster.rest().taskManagers().stream()
                      .noneMatch(t -> t.location().equals(victim.location()))) {
                lostAt[0] = System.nanoTime();
              }
              if (resumedAt[0] == 0) {
                Messages.JobDetail j = cluster.rest().job(jobId);
                if (j.restarts() > restartsBefore
                    && allRunning(j)
                    && !locationsOf(j).contains(victim.location())) {
                  resumedAt[0] = System.nanoTime();
                } else {
                  EddyCluster.failIfEnded(j, what);
                }
              }
              return lostAt[0] != 0 && resumedAt[0] != 0;
            });
    return new Recovery((lostAt[0] - killedAt) / 1_000_000, (resumedAt[0] - killedAt) / 1_000_000);
  }
}
