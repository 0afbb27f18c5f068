package io.eddy.runtime.entrypoint;

import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.LeaderInfo;
import io.eddy.runtime.ha.LeaderRetrieval;
import io.eddy.runtime.ha.NoHighAvailabilityServices;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.netty.NettyDataPlane;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.eddy.runtime.rpc.grpc.ControlPlaneConnections;
import io.eddy.runtime.rpc.grpc.GrpcTaskExecutorService;
import io.eddy.runtime.rpc.grpc.JobArtifactFetcher;
import io.eddy.runtime.rpc.grpc.LeaderSessionFencing;
import io.eddy.runtime.rpc.grpc.TaskManagerRegistrar.Registration;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.storage.LocalStateCopies;
import io.grpc.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager of a distributed cluster: a {@link TaskExecutor} with its slots, network memory and
 * Netty data plane, serving the TaskExecutor service over gRPC, registered with the JobManager and
 * sending it heartbeats ({@link JobManagerHeartbeats}).
 */
public final class TaskManagerRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);
  private final String taskManagerId;
  private final ControlPlaneConnections connections = new ControlPlaneConnections();
  private final TaskExecutor taskExecutor;
  private final Server server;
  private final String rpcAddress;
  private final TaskManagerRunnerConfig config;
  private final Registration registration;
  private final CompletableFuture<Void> firstRegistration = new CompletableFuture<>();
  private final LeaderRetrieval retrieval;

  /**
   * Heartbeats to the JobManager this TaskManager follows now (replaced when the leader changes).
   */
  private volatile JobManagerHeartbeats heartbeats;

  /** The leader session of the JobManager it follows (with HA; null without). */
  private volatile String leaderSession;

  /** Fetches each job's jars from the JobManager before its first task starts here. */
  private final JobArtifactFetcher artifacts;

  private final Path localStateDirectory;

  private TaskManagerRunner(TaskManagerRunnerConfig config, HighAvailabilityServices ha) {
    this.config = config;
    this.taskManagerId = "tm-" + UUID.randomUUID().toString().substring(0, 8);
    PartitionRegistry partitions = new PartitionRegistry();
    // A remote channel gets as many credits as a local one may have buffers queued.
    NettyDataPlane dataPlane =
        new NettyDataPlane(
            config.host(),
            0,
            partitions,
            taskManagerId,
            NettyDataPlane.DEFAULT_PARTITION_WAIT,
            config.buffersPerChannel());
    this.localStateDirectory = config.workDirectory().resolve(taskManagerId).resolve("local-state");
    try {
      LocalStateCopies.enable(localStateDirectory);
    } catch (IOException e) {
      LOG.warn("No local recovery: cannot create {}: {}", localStateDirectory, e.toString());
    }
    LibraryCache libraryCache = new LibraryCache();
    this.taskExecutor =
        new TaskExecutor(
            taskManagerId,
            config.slots(),
            new NetworkBufferPool(config.networkBuffers(), config.bufferSize()),
            partitions,
            config.buffersPerChannel(),
            libraryCache,
            null,
            dataPlane,
            StateBackends.fromConfig(config.stateBackendConfig()));
    this.artifacts =
        new JobArtifactFetcher(
            libraryCache,
            // Several TaskManagers may share a machine and a configured directory.
            config.workDirectory().resolve(taskManagerId),
            connections::channel,
            JobArtifactFetcher.DEFAULT_DEADLINE);
    String bind = config.host() + ":" + config.rpcPort();
    try {
      this.server =
          ControlPlaneChannels.start(
              bind,
              List.of(
                  LeaderSessionFencing.requireSession(
                      new GrpcTaskExecutorService(taskExecutor, connections::jobMaster, artifacts),
                      () -> leaderSession)));
    } catch (RuntimeException e) {
      taskExecutor.close();
      throw e;
    }
    this.rpcAddress = ControlPlaneChannels.target(server, bind);
    String location = taskExecutor.getLocation();
    this.registration =
        new Registration(
            taskManagerId,
            rpcAddress,
            location,
            Integer.parseInt(location.substring(location.lastIndexOf(':') + 1)),
            config.slots());
    if (ha.isHighlyAvailable()) {
      this.retrieval = ha.leaderRetrieval();
      retrieval.start(this::followLeader);
    } else {
      this.retrieval = null;
      this.heartbeats = heartbeatsTo(config.jobManagerAddress());
    }
  }

  private JobManagerHeartbeats heartbeatsTo(String jobManagerAddress) {
    JobManagerHeartbeats hb =
        new JobManagerHeartbeats(
            jobManagerAddress,
            connections.channel(jobManagerAddress),
            registration,
            config.heartbeatInterval(),
            config.heartbeatTimeout(),
            taskExecutor::cancelAllTasks);
    hb.firstRegistration().thenRun(() -> firstRegistration.complete(null));
    return hb;
  }

  /**
   * A new leader was published: this TaskManager drops the tasks of the old one (it no longer
   * accepts its calls) and registers with the new one. While no leader is published it keeps
   * following the last one.
   */
  private synchronized void followLeader(LeaderInfo leader) {
    if (leader == null || leader.sessionId().equals(leaderSession)) {
      return;
    }
    LOG.info(
        "TaskManager {} follows the JobManager at {} (leader session {})",
        taskManagerId,
        leader.rpcAddress(),
        leader.sessionId());
    leaderSession = leader.sessionId();
    JobManagerHeartbeats old = heartbeats;
    if (old != null) {
      old.close();
      taskExecutor.cancelAllTasks();
    }
    heartbeats = heartbeatsTo(leader.rpcAddress());
  }

  /**
   * Starts the TaskManager; it registers with the JobManager in the background and keeps trying
   * while the JobManager is unreachable.
   */
  public static TaskManagerRunner start(TaskManagerRunnerConfig config) {
    return new TaskManagerRunner(config, new NoHighAvailabilityServices());
  }

  /**
   * Starts the TaskManager; with high availability it follows the leader {@code ha} publishes (the
   * configured JobManager address is not used) and refuses calls of any other leader session.
   */
  public static TaskManagerRunner start(
      TaskManagerRunnerConfig config, HighAvailabilityServices ha) {
    return new TaskManagerRunner(config, ha);
  }

  public String taskManagerId() {
    return taskManagerId;
  }

  /** Where the JobManager reaches its TaskExecutor service: host:port. */
  public String rpcAddress() {
    return rpcAddress;
  }

  /** Its data-plane address, host:port, as the REST API lists TaskManagers. */
  public String dataLocation() {
    return taskExecutor.getLocation();
  }

  /** Completes when the TaskManager registered with the JobManager for the first time. */
  public CompletableFuture<Void> registered() {
    return firstRegistration;
  }

  /** True while the JobManager knows this TaskManager. */
  public boolean isRegistered() {
    JobManagerHeartbeats hb = heartbeats;
    return hb != null && hb.isRegistered();
  }

  public TaskExecutor taskExecutor() {
    return taskExecutor;
  }

  /**
   * Stops at once, as a crash would look to the JobManager: the connections go first, so the tasks
   * cancelled afterwards report nothing; the JobManager notices the lost connection.
   */
  @Override
  public void close() {
    if (retrieval != null) {
      retrieval.close();
    }
    synchronized (this) {
      if (heartbeats != null) {
        heartbeats.close();
      }
    }
    taskExecutor.abandonTasks();
    connections.close();
    server.shutdownNow();
    taskExecutor.close();
    artifacts.close(); // fetched jars are kept until the TaskManager stops
    LocalStateCopies.disable(localStateDirectory);
  }
}
