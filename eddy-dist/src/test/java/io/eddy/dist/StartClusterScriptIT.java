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
    return script(logs, java.util.Map.of(), command);
  }

  private static String script(Path logs, java.util.Map<String, String> env, String... command)
      throws Exception {
    Path out = Files.createTempFile(logs.getParent(), "script", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("EDDY_LOG_DIR", logs.toString());
    pb.environment().put("EDDY_JAVA_OPTS", "-Xmx256m");
    pb.environment().putAll(env);
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

  @Test
  void withHaStartsZooKeeperAndTwoJobManagersThatElectALeader(@TempDir Path dir) throws Exception {
    Path logs = dir.resolve("log");
    int zooKeeper = freePort();
    int[] rest = {freePort(), freePort()};
    java.util.Map<String, String> env =
        java.util.Map.of(
            "EDDY_ZOOKEEPER_PORT", String.valueOf(zooKeeper),
            "EDDY_HA_REST_PORTS", rest[0] + " " + rest[1],
            "EDDY_HA_RPC_PORTS", freePort() + " " + freePort());
    try {
      String started =
          script(
              logs,
              env,
              ROOT.resolve("bin/start-cluster").toString(),
              "--ha",
              "-n",
              "1",
              "-Dtaskmanager.slots=1",
              "-Dtaskmanager.network.buffers=128",
              "-Djobmanager.blob.dir=" + dir.resolve("blobs"),
              "-Dtaskmanager.work.dir=" + dir.resolve("tm"));
      assertThat(started)
          .contains("ZooKeeper started on 127.0.0.1:" + zooKeeper)
          .contains("standby until elected")
          .contains("Started 1 TaskManager(s) following the leader in ZooKeeper");
      // Either JobManager names the leader; the leader lists the TaskManager.
      RestClient first = new RestClient("127.0.0.1:" + rest[0]);
      String[] leader = new String[1];
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .ignoreException(RestClientException.class)
          .until(() -> (leader[0] = first.overview().leader()) != null);
      assertThat(leader[0]).isIn("127.0.0.1:" + rest[0], "127.0.0.1:" + rest[1]);
      RestClient viaZooKeeper =
          io.eddy.dist.ClientOptions.leaderClient(
              EddyConfig.load(
                  null,
                  java.util.Map.of(
                      "high-availability.type",
                      "zookeeper",
                      "high-availability.zookeeper.quorum",
                      "127.0.0.1:" + zooKeeper)));
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .ignoreException(RestClientException.class)
          .until(() -> viaZooKeeper.overview().taskManagers() == 1);
      assertThat(viaZooKeeper.address()).isEqualTo(leader[0]);

      String stopped = script(logs, ROOT.resolve("bin/stop-cluster").toString());
      assertThat(stopped).contains("Stopped 4 process(es)");
      assertThat(logs.resolve("zookeeper.pid")).doesNotExist();
    } finally {
      if (Files.exists(logs.resolve("jobmanager.pid"))
          || Files.exists(logs.resolve("zookeeper.pid"))) {
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
