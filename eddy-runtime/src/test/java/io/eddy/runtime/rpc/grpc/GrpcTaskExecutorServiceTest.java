package io.eddy.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.rpc.grpc.RecordingGateways.Call;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingJobMasterGateway;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingTaskExecutorGateway;
import io.eddy.runtime.snapshot.SnapshotType;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every TaskExecutorGateway method, client → gRPC → server → the TaskExecutor, on both transports.
 */
class GrpcTaskExecutorServiceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyCallReachesTheTaskExecutor(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    var jobMasterOnTaskManager = new TestingJobMasterGateway();
    Map<List<String>, Integer> resolved = new ConcurrentHashMap<>();
    var service =
        new GrpcTaskExecutorService(
            taskExecutor,
            (address, jobId) -> {
              resolved.merge(List.of(address, jobId), 1, Integer::sum);
              return jobMasterOnTaskManager;
            });
    JobMasterGateway jobMasterOnJobManager = new TestingJobMasterGateway();
    try (var endpoint = new Transport.Endpoint(transport, List.of(service))) {
      var client =
          new GrpcTaskExecutorClient(
              endpoint.channel,
              endpoint.target,
              "tm-host:6121",
              DEADLINE,
              jm -> jm == jobMasterOnJobManager ? "jm-host:6123" : "unknown");

      TaskDeploymentDescriptor tdd = ControlPlaneCodecTest.fullDescriptor();
      get(client.submitTask(tdd, jobMasterOnJobManager));
      Call submit = taskExecutor.last();
      assertThat(submit.method()).isEqualTo("submitTask");
      assertThat(submit.args().get(0)).usingRecursiveComparison().isEqualTo(tdd);
      assertThat(submit.args().get(1)).isSameAs(jobMasterOnTaskManager);
      assertThat(resolved).containsOnlyKeys(List.of("jm-host:6123", "job-1"));

      get(client.cancelTask("a1"));
      assertThat(taskExecutor.last()).isEqualTo(new Call("cancelTask", List.of("a1")));

      get(client.sendOperatorEvent("a1", new OperatorEvent.SplitRequest(3)));
      assertThat(taskExecutor.last())
          .isEqualTo(
              new Call("sendOperatorEvent", List.of("a1", new OperatorEvent.SplitRequest(3))));

      get(client.triggerCheckpoint("a1", 5, 1234, SnapshotType.SAVEPOINT_DRAIN));
      assertThat(taskExecutor.last())
          .isEqualTo(
              new Call(
                  "triggerCheckpoint", List.of("a1", 5L, 1234L, SnapshotType.SAVEPOINT_DRAIN)));

      get(client.notifyCheckpointComplete("a1", 5, true));
      assertThat(taskExecutor.last())
          .isEqualTo(new Call("notifyCheckpointComplete", List.of("a1", 5L, true)));

      get(client.notifyCheckpointAborted("a1", 6));
      assertThat(taskExecutor.last())
          .isEqualTo(new Call("notifyCheckpointAborted", List.of("a1", 6L)));

      get(client.alignmentTimedOut("a1", 7, 99));
      assertThat(taskExecutor.last())
          .isEqualTo(new Call("alignmentTimedOut", List.of("a1", 7L, 99L)));

      get(client.releaseJob("job-1"));
      assertThat(taskExecutor.last()).isEqualTo(new Call("releaseJob", List.of("job-1")));
      get(client.jobEnded("job-1"));
      assertThat(taskExecutor.last()).isEqualTo(new Call("jobEnded", List.of("job-1")));

      assertThat(client.getLocation()).isEqualTo("tm-host:6121");
      assertThat(get(client.fetchLocation())).isEqualTo("tm-host:6121");
      assertThat(taskExecutor.calls).hasSize(9);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTaskIsSubmittedOnlyOnceItsJobsCodeIsHere(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    var asked = new CompletableFuture<List<String>>();
    var ready = new CompletableFuture<Void>();
    var service =
        new GrpcTaskExecutorService(
            taskExecutor,
            (address, jobId) -> new TestingJobMasterGateway(),
            (jobId, jobManagerAddress) -> {
              asked.complete(List.of(jobId, jobManagerAddress));
              return ready;
            });
    try (var endpoint = new Transport.Endpoint(transport, List.of(service))) {
      var client =
          new GrpcTaskExecutorClient(
              endpoint.channel, endpoint.target, "tm:1", DEADLINE, jm -> "jm-host:6123");

      var submitted =
          client.submitTask(ControlPlaneCodecTest.fullDescriptor(), new TestingJobMasterGateway());

      assertThat(get(asked)).containsExactly("job-1", "jm-host:6123");
      assertThat(taskExecutor.calls).isEmpty();
      assertThat(submitted).isNotDone();
      ready.complete(null);
      get(submitted);
      assertThat(taskExecutor.last().method()).isEqualTo("submitTask");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aJobWhoseCodeCannotBePreparedFailsTheSubmission(Transport transport) throws Exception {
    var taskExecutor = new TestingTaskExecutorGateway();
    String error = "Cannot fetch the jars of job job-1 from the JobManager at jm-host:6123: x";
    var service =
        new GrpcTaskExecutorService(
            taskExecutor,
            (address, jobId) -> new TestingJobMasterGateway(),
            (jobId, jobManagerAddress) ->
                CompletableFuture.failedFuture(
                    new ControlPlaneException(error, Status.Code.NOT_FOUND, null)));
    try (var endpoint = new Transport.Endpoint(transport, List.of(service))) {
      var client =
          new GrpcTaskExecutorClient(
              endpoint.channel, endpoint.target, "tm:1", DEADLINE, jm -> "jm-host:6123");

      assertThatThrownBy(
              () ->
                  get(
                      client.submitTask(
                          ControlPlaneCodecTest.fullDescriptor(), new TestingJobMasterGateway())))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .hasMessageContaining(error);
      assertThat(taskExecutor.calls).isEmpty();
    }
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }
}
