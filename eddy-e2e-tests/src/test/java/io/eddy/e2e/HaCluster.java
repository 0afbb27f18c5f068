package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.e2e.EddyCluster.JobManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.rest.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HA side of an {@link EddyCluster}: JobManagers and TaskManagers started with the
 * high-availability keys of one ZooKeeper (its connect string given), the keyed counting job
 * submitted through ZooKeeper (no {@code -m}), and waits on the leader's REST API.
 */
final class HaCluster {
  static final int PARALLELISM = 2;
  static final int KEYS = 16;
  static final double RECORDS_PER_SECOND = 2_000;
  static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(90);
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
  private static final Pattern JOB_ID = Pattern.compile("JobID (\\S+)");

  private final EddyCluster cluster;
  final List<String> haArgs;

  /** The JobManagers alive (started and not killed by the test). */
  final List<JobManager> jobManagers = new ArrayList<>();

  HaCluster(EddyCluster cluster, String quorum) {
    this.cluster = cluster;
    this.haArgs =
        List.of(
            "-Dhigh-availability.type=zookeeper",
            "-Dhigh-availability.zookeeper.quorum=" + quorum,
            "-Dhigh-availability.cluster-id=e2e",
            "-Dhigh-availability.storageDir=" + cluster.workDir().resolve("ha"));
  }

  /** Starts two JobManagers and two TaskManagers with 2 slots; returns the leader. */
  JobManager start() throws IOException {
    startJobManager("jobmanager-a");
    startJobManager("jobmanager-b");
    cluster.startHaTaskManagers(2, 2, haArgs);
    JobManager leader = awaitLeader();
    await("2 TaskManagers at the leader")
        .atMost(FAILOVER_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(() -> rest(leader).taskManagers().size() == 2);
    return leader;
  }

  /** Starts (or, as a supervisor would, restarts) a JobManager named {@code name}. */
  JobManager startJobManager(String name) throws IOException {
    JobManager jm = cluster.startHaJobManager(name, haArgs);
    jobManagers.add(jm);
    return jm;
  }

  /** SIGKILLs {@code jm}; returns {@link System#nanoTime()} right before the signal. */
  long kill(JobManager jm) {
    jobManagers.remove(jm);
    long before = System.nanoTime();
    jm.process().kill();
    return before;
  }

  /** Forgets {@code jm} (it ended on its own). */
  void ended(JobManager jm) {
    jobManagers.remove(jm);
  }

  static ClusterRest rest(JobManager jm) {
    return new ClusterRest(jm.restAddress());
  }

  /** Submits the keyed counter with {@code bin/eddy run} and the HA keys, without {@code -m}. */
  String submitCounter(long records, Path output) throws Exception {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(haArgs);
    args.addAll(
        List.of(
            "-p",
            String.valueOf(PARALLELISM),
            "--detached",
            JobJars.jarOf(cluster.workDir(), KeyedCountingJob.class).toString(),
            output.toString(),
            cluster.workDir().resolve("job-checkpoints").toString(),
            String.valueOf(records),
            String.valueOf(RECORDS_PER_SECOND),
            String.valueOf(KEYS)));
    EddyScript.Result run = EddyScript.run(cluster.workDir(), args.toArray(String[]::new));
    assertThat(run.exitCode()).as("bin/eddy run: %s", run).isZero();
    Matcher m = JOB_ID.matcher(run.stdout());
    assertThat(m.find()).as("a job id in: %s", run).isTrue();
    return m.group(1);
  }

  /** {@code bin/eddy list} with the HA keys and no {@code -m}: what the leader lists. */
  String listThroughZooKeeper() throws Exception {
    List<String> args = new ArrayList<>(List.of("list"));
    args.addAll(haArgs);
    EddyScript.Result list = EddyScript.run(cluster.workDir(), args.toArray(String[]::new));
    assertThat(list.exitCode()).as("bin/eddy list: %s", list).isZero();
    return list.stdout();
  }

  /** The JobManager whose overview names itself the leader. */
  JobManager awaitLeader() {
    JobManager[] found = new JobManager[1];
    await("a leader among " + jobManagers)
        .atMost(FAILOVER_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              for (JobManager jm : jobManagers) {
                assertThat(jm.process().isAlive())
                    .as("%s alive:%n%s", jm.process(), jm.process().tail(40))
                    .isTrue();
                if (jm.restAddress().equals(rest(jm).overview().leader())) {
                  found[0] = jm;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  /** Waits until the job has at least {@code count} completed checkpoints at {@code leader}. */
  long awaitCheckpoints(JobManager leader, String jobId, long count) {
    long[] completed = new long[1];
    await(count + " completed checkpoints of the job at " + leader)
        .atMost(FAILOVER_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              cluster.awaitTaskManagersAlive();
              EddyCluster.failIfEnded(rest(leader).job(jobId), "checkpoints");
              completed[0] = rest(leader).checkpoints(jobId).completed();
              return completed[0] >= count;
            });
    return completed[0];
  }

  /** Waits until {@code leader} runs every subtask of the job. */
  Messages.JobDetail awaitJobRunning(JobManager leader, String jobId) {
    return awaitJob(leader, jobId, "running", FAILOVER_TIMEOUT, EddyCluster::allRunning);
  }

  /** Waits until the job finished at {@code leader}. */
  Messages.JobDetail awaitFinished(JobManager leader, String jobId) {
    return awaitJob(leader, jobId, "FINISHED", JOB_TIMEOUT, j -> "FINISHED".equals(j.status()));
  }

  private Messages.JobDetail awaitJob(
      JobManager leader,
      String jobId,
      String what,
      Duration timeout,
      java.util.function.Predicate<Messages.JobDetail> condition) {
    Messages.JobDetail[] last = new Messages.JobDetail[1];
    await("job " + jobId + " " + what + " at " + leader)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              cluster.awaitTaskManagersAlive();
              last[0] = rest(leader).job(jobId);
              if (condition.test(last[0])) {
                return true;
              }
              EddyCluster.failIfEnded(last[0], what);
              return false;
            });
    return last[0];
  }
}
