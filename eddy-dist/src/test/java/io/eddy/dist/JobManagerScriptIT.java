package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.dist.testjobs.EndlessJob;
import io.eddy.dist.testjobs.JobJars;
import io.eddy.rest.RestClient;
import io.eddy.rest.RestClientException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/eddy jobmanager} in the background and the client commands as real processes against
 * it (runs after {@code package}).
 */
class JobManagerScriptIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private record Result(int exitCode, String stdout, String stderr) {}

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Result eddy(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/eddy").toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runListAndCancelAgainstAJobManagerProcess(@TempDir Path dir) throws Exception {
    int port = freePort();
    String address = "localhost:" + port;
    Path jar = JobJars.jarOf(dir, EndlessJob.class);
    Path log = dir.resolve("jobmanager.log");
    int rpcPort = freePort();
    Process jobManager =
        new ProcessBuilder(
                ROOT.resolve("bin/eddy").toString(),
                "jobmanager",
                "--rest-port",
                String.valueOf(port),
                "--rpc-port",
                String.valueOf(rpcPort),
                "-Djobmanager.blob.dir=" + dir.resolve("blobs"),
                "-Dstate.checkpoints.dir=" + dir.resolve("checkpoints"))
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // Two TaskManager processes; they do not have the job's classes: they fetch its jar.
    List<Process> taskManagers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      taskManagers.add(
          new ProcessBuilder(
                  ROOT.resolve("bin/eddy").toString(),
                  "taskmanager",
                  "--jobmanager",
                  "127.0.0.1:" + rpcPort,
                  "--slots",
                  "1",
                  "-Dtaskmanager.network.buffers=128",
                  "-Dtaskmanager.work.dir=" + dir.resolve("tm" + i))
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("taskmanager-" + i + ".log").toFile())
              .start());
    }
    try {
      RestClient client = new RestClient(address);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .ignoreException(RestClientException.class)
          .until(
              () -> {
                assertThat(jobManager.isAlive()).as(() -> readLog(log)).isTrue();
                return client.overview().taskManagers() == 2;
              });
      assertThat(readLog(log))
          .contains("JobManager started: REST API at http://127.0.0.1:" + port)
          .contains("TaskManagers register at 127.0.0.1:" + rpcPort);
      assertThat(readLog(dir.resolve("taskmanager-0.log")))
          .contains("started: data at 127.0.0.1:")
          .contains("registering at the JobManager 127.0.0.1:" + rpcPort);

      Result run = eddy(dir, "run", "-m", address, "--detached", "-p", "2", jar.toString(), "e2e");
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      Matcher m = Pattern.compile("submitted with JobID (\\S+)").matcher(run.stdout());
      assertThat(m.find()).as(run.stdout()).isTrue();
      String jobId = m.group(1);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> client.job(jobId).status().equals("RUNNING"));
      await().atMost(Duration.ofSeconds(60)).until(() -> fetchedJars(dir).size() == 2);

      Result list = eddy(dir, "list", "-m", address);
      assertThat(list.exitCode()).as(list.stderr()).isZero();
      assertThat(list.stdout()).contains(jobId).contains("RUNNING").contains("e2e");

      Result cancel = eddy(dir, "cancel", jobId, "-m", address);
      assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> client.job(jobId).status().equals("CANCELED"));
      // The TaskManagers had fetched the job's jar; it goes with the job.
      await().atMost(Duration.ofSeconds(60)).until(() -> fetchedJars(dir).isEmpty());

      Result unknown = eddy(dir, "cancel", "no-such-job", "-m", address);
      assertThat(unknown.exitCode()).isEqualTo(1);
      assertThat(unknown.stderr().strip())
          .isEqualTo("eddy: No job with id no-such-job is known to this cluster.");
    } finally {
      for (Process tm : taskManagers) {
        tm.destroy();
        if (!tm.waitFor(30, TimeUnit.SECONDS)) {
          tm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
      jobManager.destroy();
      if (!jobManager.waitFor(30, TimeUnit.SECONDS)) {
        jobManager.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void anUnreachableJobManagerIsOneLineAndExitCode1(@TempDir Path dir) throws Exception {
    int port = freePort();
    Result r = eddy(dir, "list", "-m", "localhost:" + port);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip())
        .isEqualTo(
            "eddy: Cannot reach the JobManager at localhost:" + port + ": connection refused");
  }

  private static List<Path> fetchedJars(Path dir) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path work = dir.resolve("tm" + i);
      if (Files.exists(work)) {
        try (var files = Files.walk(work)) {
          files.filter(f -> f.toString().endsWith(".jar")).forEach(jars::add);
        }
      }
    }
    return jars;
  }

  private static String readLog(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
