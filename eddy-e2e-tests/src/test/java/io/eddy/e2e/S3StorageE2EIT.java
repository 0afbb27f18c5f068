package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.KeyedCountingJob;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Machines that share nothing but the store: a JobManager and two TaskManagers as processes, each
 * with its own local working directory, checkpoints and the job's exactly-once file sink on {@code
 * s3://} (a real S3-API server on loopback). A TaskManager is SIGKILLed mid-run; the output must be
 * exact, nothing of the job's state may be on a local disk, and the secret key must appear in no
 * log.
 */
class S3StorageE2EIT {
  private static final int PARALLELISM = 4;
  private static final int KEYS = 16;
  private static final long RECORDS = 30_000;
  private static final double RECORDS_PER_SECOND = 2_000;

  private static S3TestServer s3;

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @BeforeAll
  static void startStore() throws Exception {
    s3 = S3TestServer.start("eddy");
    s3.configureFileSystems(); // this JVM reads the output through s3://
  }

  @AfterAll
  static void stopStore() throws Exception {
    FileSystems.configure(Map.of());
    s3.close();
  }

  private static List<String> storeArgs() {
    List<String> args = new ArrayList<>();
    s3.config(S3TestServer.SECRET_KEY).forEach((k, v) -> args.add("-D" + k + "=" + v));
    return args;
  }

  @Test
  @Timeout(300)
  void aKilledTaskManagerLosesNothingWhenStateAndOutputAreOnS3() throws Exception {
    String run = "s3://eddy/" + UUID.randomUUID();
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
        .as("the job's checkpoints on S3")
        .anyMatch(c -> c.name().startsWith("chk-"));
    Messages.JobDetail job =
        cluster.awaitJob(
            jobId, "every subtask RUNNING", EddyCluster.RECOVERY_TIMEOUT, EddyCluster::allRunning);
    TaskManager victim = cluster.aTaskManagerRunningSubtasksOf(job);
    EddyCluster.Recovery recovery = cluster.killAndAwaitRecovery(jobId, victim, job.restarts());
    System.out.printf(
        "[e2e] s3: killed %s; processing resumed after %d ms%n", victim, recovery.resumedMillis());

    Messages.JobDetail finished =
        cluster.awaitJob(
            jobId, "the job to finish", Duration.ofMinutes(3), j -> "FINISHED".equals(j.status()));
    long lines = KeyedCountOracle.assertExactlyOnce(output, RECORDS, KEYS);
    System.out.printf(
        "[e2e] s3: job finished after %d ms with %d restart(s); %d records exactly once%n",
        finished.duration(), finished.restarts(), lines);
    assertThat(finished.restarts()).isGreaterThanOrEqualTo(1);
    assertNoLocalStateAndNoSecretInLogs();
  }

  /** No checkpoint or part file on a local disk, and no log line holding the secret key. */
  private void assertNoLocalStateAndNoSecretInLogs() throws Exception {
    try (Stream<Path> files = Files.walk(cluster.workDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        assertThat(name).as("a local file of the job: %s", file).doesNotEndWith("_metadata");
        assertThat(name).as("a local file of the job: %s", file).doesNotStartWith("part-");
        if (name.endsWith(".log")) {
          assertThat(Files.readString(file))
              .as("the log %s", file)
              .doesNotContain(S3TestServer.SECRET_KEY);
        }
      }
    }
  }
}
