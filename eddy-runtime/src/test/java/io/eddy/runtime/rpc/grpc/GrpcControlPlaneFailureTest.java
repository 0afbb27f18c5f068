package io.eddy.runtime.rpc.grpc;

import static io.eddy.runtime.rpc.grpc.GrpcTaskExecutorServiceTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingTaskExecutorGateway;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deadlines, failing handlers and a restarting server, on both transports. */
class GrpcControlPlaneFailureTest {

  private static GrpcTaskExecutorClient client(Transport.Endpoint endpoint, Duration deadline) {
    return new GrpcTaskExecutorClient(
        endpoint.channel, endpoint.target, "tm:1", deadline, jm -> "jm:1");
  }

  private static Transport.Endpoint endpoint(Transport transport, TestingTaskExecutorGateway te) {
    return new Transport.Endpoint(
        transport, List.of(new GrpcTaskExecutorService(te, (address, jobId) -> null)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCallWithoutAnswerFailsAtItsDeadline(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    taskExecutor.answer = CompletableFuture::new; // never completes
    try (var endpoint = endpoint(transport, taskExecutor)) {
      var call = client(endpoint, Duration.ofMillis(300)).cancelTask("a1");
      assertThatThrownBy(() -> get(call))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageStartingWith("TaskExecutor.cancelTask to " + endpoint.target + " failed")
          .hasMessageContaining("no answer within its deadline of 300 ms")
          .extracting(e -> ((ControlPlaneException) e).getCode())
          .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(taskExecutor.calls).hasSize(1); // it was delivered; only the answer is missing
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailingHandlerIsReportedWithItsMessage(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    taskExecutor.answer =
        () -> CompletableFuture.failedFuture(new IllegalStateException("no such attempt a1"));
    try (var endpoint = endpoint(transport, taskExecutor)) {
      assertThatThrownBy(() -> get(client(endpoint, Duration.ofSeconds(10)).cancelTask("a1")))
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageContaining("INTERNAL")
          .hasMessageContaining("java.lang.IllegalStateException: no such attempt a1");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theClientReconnectsAfterTheServerRestarts(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    try (var endpoint = endpoint(transport, taskExecutor)) {
      var client = client(endpoint, Duration.ofSeconds(2));
      get(client.cancelTask("before"));

      endpoint.stopServer();
      assertThatThrownBy(() -> get(client.cancelTask("while-down")))
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .extracting(e -> ((ControlPlaneException) e).getCode())
          .isEqualTo(Status.Code.UNAVAILABLE);

      endpoint.startServer();
      // The same client and channel: gRPC reconnects on its own (with backoff).
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> get(client.cancelTask("after")) == null);
      assertThat(taskExecutor.calls.get(0).args()).containsExactly("before");
      assertThat(taskExecutor.last().args()).containsExactly("after");
    }
  }
}
