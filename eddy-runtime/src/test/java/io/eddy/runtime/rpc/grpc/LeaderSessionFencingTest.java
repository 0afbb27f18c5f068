package io.eddy.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.rpc.proto.Empty;
import io.eddy.runtime.rpc.proto.LocationResponse;
import io.eddy.runtime.rpc.proto.SubmitTaskRequest;
import io.eddy.runtime.rpc.proto.TaskExecutorServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A TaskManager's service behind {@link LeaderSessionFencing}: calls under the session it follows
 * pass, calls of another (a deposed leader's) or of none are refused before they reach the service.
 */
class LeaderSessionFencingTest {
  private final AtomicReference<String> followed = new AtomicReference<>();
  private final AtomicInteger submitted = new AtomicInteger();
  private Server server;
  private ManagedChannel channel;

  private TaskExecutorServiceGrpc.TaskExecutorServiceBlockingStub client(String session) {
    if (server == null) {
      TaskExecutorServiceGrpc.TaskExecutorServiceImplBase service =
          new TaskExecutorServiceGrpc.TaskExecutorServiceImplBase() {
            @Override
            public void getLocation(Empty request, StreamObserver<LocationResponse> response) {
              response.onNext(LocationResponse.newBuilder().setLocation("here").build());
              response.onCompleted();
            }

            @Override
            public void submitTask(SubmitTaskRequest request, StreamObserver<Empty> response) {
              submitted.incrementAndGet();
              response.onNext(Empty.getDefaultInstance());
              response.onCompleted();
            }
          };
      String name = "inprocess:fencing-" + System.nanoTime();
      server =
          ControlPlaneChannels.start(
              name, List.of(LeaderSessionFencing.requireSession(service, followed::get)));
      channel = ControlPlaneChannels.channel(name);
    }
    return TaskExecutorServiceGrpc.newBlockingStub(
        LeaderSessionFencing.withSession(channel, () -> session));
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  @Test
  void withoutHighAvailabilityEveryCallPasses() {
    assertThat(client(null).getLocation(Empty.getDefaultInstance()).getLocation())
        .isEqualTo("here");
    assertThat(client("any").getLocation(Empty.getDefaultInstance()).getLocation())
        .isEqualTo("here");
  }

  @Test
  void aDeposedLeadersCallsAreRefusedBeforeTheyReachTheService() {
    followed.set("session-1");
    client("session-1").submitTask(SubmitTaskRequest.getDefaultInstance());
    assertThat(submitted).hasValue(1);

    followed.set("session-2"); // a new leader was elected; this TaskManager follows it
    assertThatThrownBy(() -> client("session-1").submitTask(SubmitTaskRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription())
                  .contains("SubmitTask")
                  .contains("session-1")
                  .contains("session-2");
            });
    assertThatThrownBy(() -> client(null).submitTask(SubmitTaskRequest.getDefaultInstance()))
        .isInstanceOf(StatusRuntimeException.class);
    assertThat(submitted).hasValue(1);
    client("session-2").submitTask(SubmitTaskRequest.getDefaultInstance());
    assertThat(submitted).hasValue(2);
  }
}
