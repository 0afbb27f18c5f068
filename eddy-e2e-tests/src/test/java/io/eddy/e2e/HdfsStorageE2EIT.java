package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.fs.hadoop.HdfsTestServer;
import io.eddy.rest.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Machines that share nothing but HDFS: a JobManager and two TaskManagers as processes, each with
 * its own local working directory, checkpoints and the job's exactly-once file sink on {@code
 * hdfs://} (a real name node and data node on loopback, in this JVM). A TaskManager is SIGKILLed
 * mid-run: its part files are still open under its HDFS lease, so the restored subtasks take them
 * over (lease recovery, truncate); the output must be exact and no state may be on a local disk.
 */
class HdfsStorageE2EIT {
  private static final int PARALLELISM = 4;
  private static final int KEYS = 16;
  private static final long RECORDS = 30_000;
  private static final double RECORDS_PER_SECOND = 2_000;

  private static HdfsTestServer hdfs;

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @BeforeAll
  static void startStore() throws Exception {
    hdfs = HdfsTestServer.start(Path.of("target", "e2e-hdfs", UUID.randomUUID().toString()));
    FileSystems.configure(hdfs.config()); // this JVM reads the output through hdfs://
  }

  @AfterAll
  static void stopStore() {
    FileSystems.configure(Map.of());
    if (hdfs != null) {
      hdfs.close();
    }
  }

  private static List<String> storeArgs() {
    List<String> args = new ArrayList<>();
    hdfs.config().forEach((k, v) -> args.add("-D" + k + "=" + v));
    return args;
  }

  @Test
  @Timeout(300)
  void aKilledTaskManagerLosesNothingWhenStateAndOutputAreOnHdfs() throws Exception {
    String run = hdfs.uri() + "/eddy/" + UUID.randomUUID();
    List<String> jobManagerArgs = new ArrayList<>(storeArgs());
    jobManagerArgs.add("-Dstate.checkpoints.dir=" + run + "/default-checkpoints");
    cluster.startJobManager(jobManagerArgs.toArray(String[]::new));
    cluster.startTaskManagers(2, 4, EddyScript.SERVER_JAVA_OPTS, storeArgs());
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
        .as("the job's checkpoints on HDFS")
        .anyMatch(c -> c.name().startsWith("chk-"));
    Messages.JobDetail job =
        cluster.awaitJob(
            jobId, "every subtask RUNNING", EddyCluster.RECOVERY_TIMEOUT, EddyCluster::allRunning);
    TaskManager victim = cluster.aTaskManagerRunningSubtasksOf(job);
    EddyCluster.Recovery recovery = cluster.killAndAwaitRecovery(jobId, victim, job.restarts());
    System.out.printf(
        "[e2e] hdfs: killed %s; processing resumed after %d ms%n",
        victim, recovery.resumedMillis());

    Messages.JobDetail finished =
        cluster.awaitJob(
            jobId, "the job to finish", Duration.ofMinutes(3), j -> "FINISHED".equals(j.status()));
    long lines = KeyedCountOracle.assertExactlyOnce(output, RECORDS, KEYS);
    System.out.printf(
        "[e2e] hdfs: job finished after %d ms with %d restart(s); %d records exactly once%n",
        finished.duration(), finished.restarts(), lines);
    assertThat(finished.restarts()).isGreaterThanOrEqualTo(1);
    try (Stream<Path> files = Files.walk(cluster.workDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        assertThat(name).as("a local file of the job: %s", file).doesNotEndWith("_metadata");
        assertThat(name).as("a local file of the job: %s", file).doesNotStartWith("part-");
      }
    }
  }
}
