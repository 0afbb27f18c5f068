package io.eddy.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingTaskExecutorGateway;
import io.eddy.runtime.rpc.grpc.TaskManagerRegistrar.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The JobManager declares a TaskManager lost from its dropped connection, long before the heartbeat
 * timeout, and keeps a TaskManager that answers.
 */
class TaskManagerLivenessMonitorTest {
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Duration LONG_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void aTaskManagerWhoseConnectionDropsIsLostWithinOneInterval() throws Exception {
    var resourceManager = new ResourceManager();
    Map<TaskExecutorGateway, String> lost = new ConcurrentHashMap<>();
    resourceManager.addListener((tm, reason) -> lost.put(tm, reason));
    try (var taskManager =
        new Transport.Endpoint(
            Transport.NETTY_LOOPBACK,
            List.of(
                new GrpcTaskExecutorService(
                    new TestingTaskExecutorGateway(), (address, job) -> null)))) {
      var registrar =
          new ResourceManagerRegistrar(
              resourceManager,
              r ->
                  new GrpcTaskExecutorClient(
                      taskManager.channel,
                      r.rpcAddress(),
                      r.location(),
                      Duration.ofSeconds(10),
                      jm -> "unused"));
      try (var monitor =
          new TaskManagerLivenessMonitor(
              registrar, INTERVAL, LONG_TIMEOUT, address -> taskManager.channel)) {
        registrar.register(new Registration("tm-1", taskManager.target, "tm-host:6121", 6121, 2));
        // Alive: several intervals pass, its pings are answered, it stays.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> taskManager.channel.getState(false) == io.grpc.ConnectivityState.READY);
        assertThat(lost).isEmpty();
        assertThat(resourceManager.getNumberOfTaskManagers()).isEqualTo(1);

        long stopped = System.nanoTime();
        taskManager.stopServer(); // as a killed process: the port closes, connections drop
        await().atMost(Duration.ofSeconds(30)).until(() -> !lost.isEmpty());
        long lostAfterMillis = (System.nanoTime() - stopped) / 1_000_000;
        System.out.println("TaskManagerLivenessMonitorTest: lost after " + lostAfterMillis + " ms");

        assertThat(lost.values()).singleElement().asString().contains("connection was lost");
        assertThat(resourceManager.getNumberOfTaskManagers()).isZero();
        assertThat(registrar.heartbeat("tm-1")).as("forgotten: it must register again").isFalse();
      }
    }
  }
}
