package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.fs.FileSystems;
import io.eddy.e2e.jobs.KeyedCountingJob;
import io.eddy.fs.hadoop.HdfsTestServer;
import io.eddy.fs.s3.S3TestServer;
import io.eddy.rest.messages.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bin/eddy stop --savepoint} on a job that runs on TaskManager processes, then {@code
 * bin/eddy run --savepoint} resumes it at another parallelism: the two runs' files together hold
 * every record exactly once with per-key counts 1..n (state and source position came through).
 */
class SavepointE2EIT {
  private static final int KEYS = 16;
  private static final long RECORDS = 30_000;
  private static final Pattern SAVEPOINT = Pattern.compile("stopped with savepoint (\\S+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID (\\S+)");
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @Test
  @Timeout(300)
  void stopWithASavepointAndResumeAtAnotherParallelism() throws Exception {
    stopAndResume(cluster.workDir().toString(), List.of());
  }

  /** The same with checkpoints, the savepoint and the output on S3 (a server on loopback). */
  @Test
  @Timeout(300)
  void theSameWithEverythingOnS3() throws Exception {
    try (S3TestServer s3 = S3TestServer.start("savepoints")) {
      s3.configureFileSystems(); // the oracle reads the output through s3://
      List<String> storeArgs = new ArrayList<>();
      s3.config(S3TestServer.SECRET_KEY).forEach((k, v) -> storeArgs.add("-D" + k + "=" + v));
      stopAndResume("s3://savepoints/" + UUID.randomUUID(), storeArgs);
    } finally {
      FileSystems.configure(Map.of());
    }
  }

  /** The same with checkpoints, the savepoint and the output on HDFS (a name node on loopback). */
  @Test
  @Timeout(300)
  void theSameWithEverythingOnHdfs() throws Exception {
    try (HdfsTestServer hdfs = HdfsTestServer.start(cluster.workDir().resolve("hdfs"))) {
      FileSystems.configure(hdfs.config()); // the oracle reads the output through hdfs://
      List<String> storeArgs = new ArrayList<>();
      hdfs.config().forEach((k, v) -> storeArgs.add("-D" + k + "=" + v));
      stopAndResume(hdfs.uri() + "/savepoints/" + UUID.randomUUID(), storeArgs);
    } finally {
      FileSystems.configure(Map.of());
    }
  }

  /**
   * Runs the counter at p=4 with checkpoints, savepoint and output under {@code root}, stops it
   * with a savepoint, resumes it at p=2, and checks the two runs' output together.
   *
   * @param storeArgs configuration of the store for the JobManager and TaskManagers
   */
  private void stopAndResume(String root, List<String> storeArgs) throws Exception {
    cluster.startJobManager(storeArgs.toArray(String[]::new));
    cluster.startTaskManagers(2, 2, EddyScript.SERVER_JAVA_OPTS, storeArgs);
    Path jar = JobJars.jarOf(cluster.workDir(), KeyedCountingJob.class);
    String output = root + "/out";
    String checkpoints = root + "/checkpoints";
    String first =
        cluster.submit(
            jar,
            4,
            output + "/first",
            checkpoints,
            String.valueOf(RECORDS),
            "2000",
            String.valueOf(KEYS));
    await("two checkpoints")
        .atMost(TIMEOUT)
        .until(() -> cluster.rest().checkpoints(first).completed() >= 2);

    EddyScript.Result stop =
        EddyScript.run(
            cluster.workDir(),
            "stop",
            first,
            "--savepoint",
            root + "/savepoints",
            "-m",
            cluster.jobManager().restAddress());
    assertThat(stop.exitCode()).as("bin/eddy stop: %s", stop).isZero();
    Matcher savepoint = SAVEPOINT.matcher(stop.stdout());
    assertThat(savepoint.find()).as("a savepoint path in: %s", stop).isTrue();
    cluster.awaitJob(first, "the stopped job to end", TIMEOUT, j -> "FINISHED".equals(j.status()));

    EddyScript.Result resume =
        EddyScript.run(
            cluster.workDir(),
            "run",
            "-m",
            cluster.jobManager().restAddress(),
            "-p",
            "2",
            "--detached",
            "--savepoint",
            savepoint.group(1),
            jar.toString(),
            output + "/second",
            checkpoints,
            String.valueOf(RECORDS),
            "2000",
            String.valueOf(KEYS));
    assertThat(resume.exitCode()).as("bin/eddy run --savepoint: %s", resume).isZero();
    Matcher second = JOB_ID.matcher(resume.stdout());
    assertThat(second.find()).as("a job id in: %s", resume).isTrue();
    Messages.JobDetail resumed =
        cluster.awaitJob(
            second.group(1),
            "the resumed job to finish",
            TIMEOUT,
            j -> "FINISHED".equals(j.status()));
    assertThat(resumed.vertices()).allSatisfy(v -> assertThat(v.parallelism()).isEqualTo(2));

    long lines = KeyedCountOracle.assertExactlyOnce(output, RECORDS, KEYS);
    System.out.printf(
        "[e2e] stopped with savepoint %s at p=4, resumed at p=2: %d records, each exactly once%n",
        savepoint.group(1), lines);
  }
}
