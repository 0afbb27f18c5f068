package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.rest.RestClient;
import io.eddy.rest.RestClientException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/start-cluster} starts a JobManager and TaskManager processes; stop-cluster ends them.
 */
class StartClusterScriptIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String script(Path logs, String... command) throws Exception {
    Path out = Files.createTempFile(logs.getParent(), "script", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("EDDY_LOG_DIR", logs.toString());
    pb.environment().put("EDDY_JAVA_OPTS", "-Xmx256m");
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + List.of(command));
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void startsAJobManagerAndTaskManagersAndStopsThem(@TempDir Path dir) throws Exception {
    Path logs = dir.resolve("log");
    int restPort = freePort();
    int rpcPort = freePort();
    try {
      String started =
          script(
              logs,
              ROOT.resolve("bin/start-cluster").toString(),
              "-n",
              "2",
              "-Drest.port=" + restPort,
              "-Djobmanager.rpc.port=" + rpcPort,
              "-Dtaskmanager.slots=1",
              "-Dtaskmanager.network.buffers=128",
              "-Djobmanager.blob.dir=" + dir.resolve("blobs"),
              "-Dtaskmanager.work.dir=" + dir.resolve("tm"));
      assertThat(started)
          .contains("JobManager started")
          .contains("Started 2 TaskManager(s) registering at 127.0.0.1:" + rpcPort);
      RestClient client = new RestClient("127.0.0.1:" + restPort);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .ignoreException(RestClientException.class)
          .until(() -> client.overview().taskManagers() == 2);
      assertThat(Files.readString(logs.resolve("taskmanager-1.log")))
          .contains("registering at the JobManager 127.0.0.1:" + rpcPort);
      List<Long> pids =
          List.of("jobmanager.pid", "taskmanager-1.pid", "taskmanager-2.pid").stream()
              .map(f -> Long.parseLong(read(logs.resolve(f)).strip()))
              .toList();

      String stopped = script(logs, ROOT.resolve("bin/stop-cluster").toString());
      assertThat(stopped).contains("Stopped 3 process(es)");
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
      }
      assertThat(logs.resolve("jobmanager.pid")).doesNotExist();
    } finally {
      if (Files.exists(logs.resolve("jobmanager.pid"))) {
        script(logs, ROOT.resolve("bin/stop-cluster").toString());
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
