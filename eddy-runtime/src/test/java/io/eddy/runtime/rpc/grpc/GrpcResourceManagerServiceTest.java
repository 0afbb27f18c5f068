package io.eddy.runtime.rpc.grpc;

import static io.eddy.runtime.rpc.grpc.GrpcTaskExecutorServiceTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.rpc.grpc.TaskManagerRegistrar.Registration;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TaskManager registration with its slots, and heartbeats, over both transports. */
class GrpcResourceManagerServiceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final io.grpc.Channel UNUSED =
      ControlPlaneChannels.channel(ControlPlaneChannels.IN_PROCESS_PREFIX + "unused");

  @ParameterizedTest
  @EnumSource(Transport.class)
  void taskManagersRegisterTheirSlotsOnce(Transport transport) throws Exception {
    var resourceManager = new ResourceManager();
    Map<String, Registration> gatewaysMade = new ConcurrentHashMap<>();
    var registrar =
        new ResourceManagerRegistrar(
            resourceManager,
            r -> {
              gatewaysMade.put(r.taskManagerId(), r);
              // Never called here: no task is deployed.
              return new GrpcTaskExecutorClient(
                  UNUSED, r.rpcAddress(), r.location(), DEADLINE, jobMaster -> "unused");
            });
    try (var endpoint =
        new Transport.Endpoint(transport, List.of(new GrpcResourceManagerService(registrar)))) {
      var client = new GrpcResourceManagerClient(endpoint.channel, endpoint.target, DEADLINE);
      var tm1 = new Registration("tm-1", "tm1:6124", "tm1:6121", 6121, 4);
      var tm2 = new Registration("tm-2", "tm2:6124", "tm2:6121", 6121, 2);

      assertThat(get(client.heartbeat("tm-1"))).isFalse();
      assertThat(get(client.register(tm1))).isEqualTo(registrar.resourceManagerId());
      assertThat(get(client.register(tm1))).isEqualTo(registrar.resourceManagerId());
      get(client.register(tm2));

      assertThat(resourceManager.getNumberOfTaskManagers()).isEqualTo(2);
      assertThat(resourceManager.getTotalSlots()).isEqualTo(6);
      assertThat(gatewaysMade).containsEntry("tm-1", tm1).containsEntry("tm-2", tm2);
      assertThat(get(client.heartbeat("tm-1"))).isTrue();

      var conflicting = new Registration("tm-1", "elsewhere:6124", "tm1:6121", 6121, 4);
      assertThatThrownBy(() -> get(client.register(conflicting)))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageContaining("already registered")
          .extracting(e -> ((ControlPlaneException) e).getCode())
          .isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(resourceManager.getTotalSlots()).isEqualTo(6);
    }
  }
}
