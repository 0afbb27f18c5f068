package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.dist.testjobs.EndlessJob;
import io.eddy.dist.testjobs.JobJars;
import io.eddy.rest.RestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands (run -m, list, cancel, savepoint, stop) against a running REST server. */
class ClientCommandsTest {
  @TempDir static Path dir;
  private static JobManagerCommand.Running jobManager;
  private static String address;
  private static Path jar;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeAll
  static void startJobManager() throws Exception {
    jobManager =
        JobManagerCommand.start(
            EddyConfig.load(
                null,
                Map.of(
                    "rest.port", "0",
                    "jobmanager.rpc.port", "0",
                    "jobmanager.local-taskmanagers", "2",
                    "taskmanager.slots", "2",
                    "jobmanager.blob.dir", dir.resolve("blobs").toString(),
                    "state.checkpoints.dir", dir.resolve("checkpoints").toString())));
    address = "127.0.0.1:" + jobManager.port();
    jar = JobJars.jarOf(Files.createDirectories(dir.resolve("jars")), EndlessJob.class);
  }

  @AfterAll
  static void stopJobManager() {
    if (jobManager != null) {
      jobManager.close();
    }
  }

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /**
   * The client's error lines. The JobManager runs in this JVM and logs to the same stderr, so its
   * lines are left out here; the script test checks a client's whole stderr.
   */
  private java.util.List<String> errorLines() {
    return err().lines().filter(l -> l.startsWith("eddy:")).toList();
  }

  private String submitDetached(String... extra) {
    out.reset();
    String[] args = new String[5 + extra.length];
    args[0] = "run";
    args[1] = "-m";
    args[2] = address;
    args[3] = "--detached";
    System.arraycopy(extra, 0, args, 4, extra.length);
    args[args.length - 1] = jar.toString();
    int code = EddyCli.execute(args);
    assertThat(code).as(err()).isZero();
    Matcher m = Pattern.compile("Job has been submitted with JobID (\\S+)").matcher(out());
    assertThat(m.find()).as(out()).isTrue();
    return m.group(1);
  }

  private static String status(String jobId) {
    return new RestClient(address).job(jobId).status();
  }

  @Test
  void runListSavepointStopAndCancel() {
    String jobId = submitDetached("-p", "2");
    await().atMost(Duration.ofSeconds(60)).until(() -> status(jobId).equals("RUNNING"));

    out.reset();
    assertThat(EddyCli.execute("list", "-m", address)).as(err()).isZero();
    assertThat(out()).contains("JOB ID").contains(jobId).contains("RUNNING").contains("endless");

    // Savepoints need a completed checkpoint's worth of progress only; take one now.
    // A job is RUNNING once deployed; a savepoint needs every subtask running.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                new RestClient(address)
                    .job(jobId).vertices().stream()
                        .flatMap(v -> v.subtasks().stream())
                        .allMatch(t -> t.state().equals("RUNNING")));
    out.reset();
    Path savepoints = dir.resolve("savepoints");
    assertThat(EddyCli.execute("savepoint", jobId, savepoints.toString(), "-m", address))
        .as(err())
        .isZero();
    Matcher sp = Pattern.compile("Savepoint completed: (\\S+)").matcher(out());
    assertThat(sp.find()).as(out()).isTrue();
    assertThat(Path.of(sp.group(1)).resolve("_metadata")).exists();

    out.reset();
    assertThat(EddyCli.execute("stop", jobId, "--savepoint", savepoints.toString(), "-m", address))
        .as(err())
        .isZero();
    Matcher stopped = Pattern.compile("stopped with savepoint (\\S+)").matcher(out());
    assertThat(stopped.find()).as(out()).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(() -> !status(jobId).equals("RUNNING"));

    // Resume from the stop's savepoint, then cancel.
    String resumed = submitDetached("--savepoint", stopped.group(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> status(resumed).equals("RUNNING"));
    out.reset();
    assertThat(EddyCli.execute("cancel", "-m", address, resumed)).as(err()).isZero();
    assertThat(out()).contains("Cancelling job " + resumed);
    await().atMost(Duration.ofSeconds(60)).until(() -> status(resumed).equals("CANCELED"));
  }

  @Test
  void anAttachedRunReportsACancelledJobAsOneLine() throws Exception {
    // An attached client waits for the job's end; cancelling it from elsewhere ends the wait.
    Thread canceller =
        new Thread(
            () -> {
              RestClient client = new RestClient(address);
              await()
                  .atMost(Duration.ofSeconds(60))
                  .until(
                      () ->
                          client.jobs().jobs().stream()
                              .anyMatch(
                                  j ->
                                      j.name().equals("attached") && j.status().equals("RUNNING")));
              client.jobs().jobs().stream()
                  .filter(j -> j.name().equals("attached") && j.status().equals("RUNNING"))
                  .forEach(j -> client.cancel(j.id()));
            });
    canceller.start();
    int code = EddyCli.execute("run", "-m", address, jar.toString(), "attached");
    canceller.join();
    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("Job has been submitted with JobID");
    assertThat(errorLines()).singleElement().asString().matches("eddy: Job \\S+ was cancelled\\.");
  }

  @Test
  void anUnreachableJobManagerIsOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int code = EddyCli.execute("list", "-m", "localhost:" + port);
    assertThat(code).isEqualTo(1);
    assertThat(errorLines())
        .containsExactly(
            "eddy: Cannot reach the JobManager at localhost:" + port + ": connection refused");
  }

  @Test
  void anUnknownJobIdIsOneLine() {
    int code = EddyCli.execute("cancel", "no-such-job", "-m", address);
    assertThat(code).isEqualTo(1);
    assertThat(errorLines())
        .containsExactly("eddy: No job with id no-such-job is known to this cluster.");
  }

  @Test
  void aMissingJarWithMIsOneLine() {
    int code = EddyCli.execute("run", "-m", address, "missing.jar");
    assertThat(code).isEqualTo(1);
    assertThat(errorLines()).containsExactly("eddy: Job jar not found: missing.jar");
  }

  @Test
  void badFlagsAndAddressesAreOneLine() {
    assertThat(EddyCli.execute("stop", "abc")).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("eddy: Missing required option: '--savepoint=DIR'")
        .contains("(see 'eddy stop --help')");
    err.reset();
    assertThat(EddyCli.execute("list", "--bogus")).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("eddy: Unknown option: '--bogus'");
    err.reset();
    assertThat(EddyCli.execute("list", "-m", "host:notaport")).isEqualTo(1);
    assertThat(errorLines())
        .containsExactly(
            "eddy: The JobManager address must be HOST:PORT, but was 'host:notaport'.");
    err.reset();
    assertThat(EddyCli.execute("run", "--detached", jar.toString())).isEqualTo(1);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("eddy: --detached needs -m HOST:PORT");
  }
}
