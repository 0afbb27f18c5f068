package io.eddy.runtime.rpc.grpc;

import static io.eddy.runtime.rpc.grpc.GrpcTaskExecutorServiceTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.rpc.grpc.RecordingGateways.Call;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingJobMasterGateway;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every JobMasterGateway method, task → gRPC → the JobMaster of the job, on both transports. */
class GrpcJobMasterServiceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyCallReachesTheJobMasterOfItsJob(Transport transport) throws Exception {
    var jobA = new TestingJobMasterGateway();
    var jobB = new TestingJobMasterGateway();
    var service = new GrpcJobMasterService(Map.of("job-a", jobA, "job-b", jobB)::get);
    try (var endpoint = new Transport.Endpoint(transport, List.of(service))) {
      var client =
          new GrpcJobMasterClient(endpoint.channel, endpoint.target, "job-a", DEADLINE, DEADLINE);

      var failed =
          new TaskExecutionState(
              "job-a", "a1", ExecutionState.FAILED, new IllegalStateException("boom"), null);
      get(client.updateTaskExecutionState(failed));
      var received = (TaskExecutionState) jobA.last().args().get(0);
      assertThat(received.state()).isEqualTo(ExecutionState.FAILED);
      assertThat(received.failure())
          .isInstanceOf(RemoteFailure.class)
          .hasToString("java.lang.IllegalStateException: boom");

      get(client.sendOperatorEventToCoordinator("a1", 2, new OperatorEvent.ReaderRegistration(1)));
      assertThat(jobA.last())
          .isEqualTo(
              new Call(
                  "sendOperatorEventToCoordinator",
                  List.of("a1", 2, new OperatorEvent.ReaderRegistration(1))));

      get(client.offerCollectBatch("collect-1", new byte[] {4, 5, 6}));
      assertThat(jobA.last().method()).isEqualTo("offerCollectBatch");
      assertThat(jobA.last().args().get(0)).isEqualTo("collect-1");
      assertThat((byte[]) jobA.last().args().get(1)).containsExactly(4, 5, 6);

      var files =
          List.of(
              new StateFileHandle("op", 0, "keyed-0", new KeyGroupRange(0, 9)),
              new StateFileHandle("op", 0, "op-0", StateFileHandle.NO_KEY_GROUPS));
      get(client.acknowledgeCheckpoint("a1", 3, files));
      assertThat(jobA.last())
          .isEqualTo(new Call("acknowledgeCheckpoint", List.of("a1", 3L, files)));

      get(client.declineCheckpoint("a1", 4, "not ready"));
      assertThat(jobA.last())
          .isEqualTo(new Call("declineCheckpoint", List.of("a1", 4L, "not ready")));

      get(client.notifyEndOfInput("a1"));
      assertThat(jobA.last()).isEqualTo(new Call("notifyEndOfInput", List.of("a1")));

      assertThat(jobA.calls).hasSize(6);
      assertThat(jobB.calls).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCallForAnUnknownJobFailsWithNotFound(Transport transport) throws Exception {
    var service = new GrpcJobMasterService(jobId -> null);
    try (var endpoint = new Transport.Endpoint(transport, List.of(service))) {
      var client =
          new GrpcJobMasterClient(endpoint.channel, endpoint.target, "gone", DEADLINE, DEADLINE);
      assertThatThrownBy(() -> get(client.notifyEndOfInput("a1")))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageContaining("JobMaster.notifyEndOfInput to " + endpoint.target)
          .hasMessageContaining("No JobMaster for job gone")
          .extracting(e -> ((ControlPlaneException) e).getCode())
          .isEqualTo(Status.Code.NOT_FOUND);
    }
  }
}
