package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.fs.hadoop.HdfsTestServer;
import io.eddy.fs.s3.S3TestServer;
import io.eddy.rest.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Machines that share nothing but the store: a JobManager and two TaskManagers as processes, each
 * with its own local working directory, checkpoints and the job's exactly-once file sink on {@code
 * s3://} (s3proxy on loopback) or {@code hdfs://} (a real name node and data node in this JVM). A
 * TaskManager is SIGKILLed mid-run (on HDFS its part files are still open under its lease, so the
 * restored subtasks take them over: lease recovery, truncate). The output must be exact, nothing of
 * the job's state may be on a local disk, and the S3 secret key must be in no log.
 */
class SharedStorageE2EIT {
  private static final int PARALLELISM = 4;
  private static final int KEYS = 16;
  private static final long RECORDS = 30_000;
  private static final double RECORDS_PER_SECOND = 2_000;

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @AfterEach
  void forgetTheStore() {
    FileSystems.configure(Map.of());
  }

  @Test
  @Timeout(300)
  void aKilledTaskManagerLosesNothingWhenStateAndOutputAreOnS3() throws Exception {
    try (S3TestServer s3 = S3TestServer.start("eddy")) {
      Map<String, String> config = s3.config(S3TestServer.SECRET_KEY);
      killATaskManagerWithEverythingAt("s3", "s3://eddy/" + UUID.randomUUID(), config);
      assertNoLogHolds(S3TestServer.SECRET_KEY);
    }
  }

  @Test
  @Timeout(300)
  void aKilledTaskManagerLosesNothingWhenStateAndOutputAreOnHdfs() throws Exception {
    try (HdfsTestServer hdfs =
        HdfsTestServer.start(Path.of("target", "e2e-hdfs", UUID.randomUUID().toString()))) {
      killATaskManagerWithEverythingAt(
          "hdfs", hdfs.uri() + "/eddy/" + UUID.randomUUID(), hdfs.config());
    }
  }

  /**
   * Runs the keyed counter with checkpoints, default checkpoint directory and output under {@code
   * run}, kills a TaskManager holding its subtasks once two checkpoints completed, and checks the
   * output and that no state file is on a local disk.
   *
   * @param storeConfig the store's keys, given to every process and to this JVM (which reads the
   *     output)
   */
  private void killATaskManagerWithEverythingAt(
      String store, String run, Map<String, String> storeConfig) throws Exception {
    FileSystems.configure(storeConfig);
    List<String> storeArgs = new ArrayList<>();
    storeConfig.forEach((k, v) -> storeArgs.add("-D" + k + "=" + v));
    List<String> jobManagerArgs = new ArrayList<>(storeArgs);
    jobManagerArgs.add("-Dstate.checkpoints.dir=" + run + "/default-checkpoints");
    cluster.startJobManager(jobManagerArgs.toArray(String[]::new));
    cluster.startTaskManagers(2, 4, EddyScript.SERVER_JAVA_OPTS, storeArgs);
    String output = run + "/out";
    String jobId =
        cluster.submit(
            JobJars.jarOf(cluster.workDir(), KeyedCountingJob.class),
            PARALLELISM,
            output,
            run + "/checkpoints",
            String.valueOf(RECORDS),
            String.valueOf(RECORDS_PER_SECOND),
            String.valueOf(KEYS));

    cluster.awaitCheckpointsAfter(jobId, 0, 2);
    assertThat(FileSystems.get(run).list(run + "/checkpoints/" + jobId))
        .as("the job's checkpoints in the store")
        .anyMatch(c -> c.name().startsWith("chk-"));
    Messages.JobDetail job =
        cluster.awaitJob(
            jobId, "every subtask RUNNING", EddyCluster.RECOVERY_TIMEOUT, EddyCluster::allRunning);
    TaskManager victim = cluster.aTaskManagerRunningSubtasksOf(job);
    EddyCluster.Recovery recovery = cluster.killAndAwaitRecovery(jobId, victim, job.restarts());
    System.out.printf(
        "[e2e] %s: killed %s; processing resumed after %d ms%n",
        store, victim, recovery.resumedMillis());

    Messages.JobDetail finished =
        cluster.awaitJob(
            jobId, "the job to finish", Duration.ofMinutes(3), j -> "FINISHED".equals(j.status()));
    long lines = KeyedCountOracle.assertExactlyOnce(output, RECORDS, KEYS);
    System.out.printf(
        "[e2e] %s: job finished after %d ms with %d restart(s); %d records exactly once%n",
        store, finished.duration(), finished.restarts(), lines);
    assertThat(finished.restarts()).isGreaterThanOrEqualTo(1);
    for (Path file : localFiles()) {
      String name = file.getFileName().toString();
      assertThat(name).as("a local file of the job: %s", file).doesNotEndWith("_metadata");
      assertThat(name).as("a local file of the job: %s", file).doesNotStartWith("part-");
    }
  }

  private List<Path> localFiles() throws Exception {
    try (Stream<Path> files = Files.walk(cluster.workDir())) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private void assertNoLogHolds(String secret) throws Exception {
    for (Path file : localFiles()) {
      if (file.getFileName().toString().endsWith(".log")) {
        assertThat(Files.readString(file)).as("the log %s", file).doesNotContain(secret);
      }
    }
  }
}
