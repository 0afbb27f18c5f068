package io.eddy.runtime.rpc.grpc;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One gRPC channel per peer target, shared by every client of that peer; closed together. */
public final class ControlPlaneConnections implements AutoCloseable {
  /** Deadline of an ordinary control-plane call. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  /** A collect batch is answered only when the client has room: it may wait on a slow reader. */
  public static final Duration COLLECT_DEADLINE = Duration.ofDays(1);

  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  /** The leader session calls to TaskManagers carry (null: none, without HA). */
  private final Supplier<String> leaderSession;

  public ControlPlaneConnections() {
    this(() -> null);
  }

  /**
   * @param leaderSession the JobManager's leader session id that every call to a TaskManager
   *     carries (see {@link LeaderSessionFencing}); it may give null
   */
  public ControlPlaneConnections(Supplier<String> leaderSession) {
    this.leaderSession = leaderSession;
  }

  public ManagedChannel channel(String target) {
    return channels.computeIfAbsent(target, ControlPlaneChannels::channel);
  }

  /** A client of the JobMaster of {@code jobId} served at {@code address}. */
  public GrpcJobMasterClient jobMaster(String address, String jobId) {
    return new GrpcJobMasterClient(channel(address), address, jobId, DEADLINE, COLLECT_DEADLINE);
  }

  /**
   * A client of a registered TaskManager's TaskExecutor, which reaches its JobMasters at the
   * address {@code jobManager} gives (read when a job is deployed).
   */
  public GrpcTaskExecutorClient taskExecutor(
      TaskManagerRegistrar.Registration registration, Supplier<String> jobManager) {
    return new GrpcTaskExecutorClient(
        LeaderSessionFencing.withSession(channel(registration.rpcAddress()), leaderSession),
        registration.rpcAddress(),
        registration.location(),
        DEADLINE,
        jobMaster -> jobManager.get());
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
