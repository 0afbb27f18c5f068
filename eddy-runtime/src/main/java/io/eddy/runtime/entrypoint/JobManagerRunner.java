package io.eddy.runtime.entrypoint;

import io.eddy.runtime.cluster.Dispatcher;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.eddy.runtime.rpc.grpc.ControlPlaneConnections;
import io.eddy.runtime.rpc.grpc.GrpcBlobService;
import io.eddy.runtime.rpc.grpc.GrpcJobMasterService;
import io.eddy.runtime.rpc.grpc.GrpcResourceManagerService;
import io.eddy.runtime.rpc.grpc.ResourceManagerRegistrar;
import io.eddy.runtime.rpc.grpc.TaskManagerLivenessMonitor;
import io.grpc.Server;
import java.util.List;

/**
 * The JobManager of a distributed cluster: dispatcher, JobMasters and resource manager, serving
 * TaskManager registration, the JobMasters and the jobs' jars (blob service) over gRPC, and
 * declaring TaskManagers lost when they die ({@link TaskManagerLivenessMonitor}). The REST API is
 * put on top by the caller.
 */
public final class JobManagerRunner implements AutoCloseable {
  private final ResourceManager resourceManager = new ResourceManager();
  private final LibraryCache libraryCache = new LibraryCache();
  private final ControlPlaneConnections connections = new ControlPlaneConnections();
  private final Dispatcher dispatcher;
  private final Server server;
  private final String rpcAddress;
  private final TaskManagerLivenessMonitor liveness;

  private JobManagerRunner(JobManagerRunnerConfig config) {
    this.dispatcher = new Dispatcher(resourceManager, libraryCache, null); // the system clock
    // The registrar needs our address before the server exists; it is only used once TaskManagers
    // register, i.e. after the server started.
    String[] self = new String[1];
    ResourceManagerRegistrar registrar =
        new ResourceManagerRegistrar(
            resourceManager, r -> connections.taskExecutor(r, () -> self[0]));
    String bind = config.host() + ":" + config.rpcPort();
    this.server =
        ControlPlaneChannels.start(
            bind,
            List.of(
                new GrpcJobMasterService(dispatcher::findJobMaster),
                new GrpcResourceManagerService(registrar),
                new GrpcBlobService(libraryCache)));
    this.rpcAddress = ControlPlaneChannels.target(server, bind);
    self[0] = rpcAddress;
    this.liveness =
        new TaskManagerLivenessMonitor(
            registrar, config.heartbeatInterval(), config.heartbeatTimeout(), connections::channel);
  }

  /** Starts serving; fails with a one-line message if the port is taken. */
  public static JobManagerRunner start(JobManagerRunnerConfig config) {
    return new JobManagerRunner(config);
  }

  /** Where TaskManagers reach this JobManager: host:port. */
  public String rpcAddress() {
    return rpcAddress;
  }

  public DispatcherGateway dispatcher() {
    return dispatcher;
  }

  public LibraryCache libraryCache() {
    return libraryCache;
  }

  public ResourceManager resourceManager() {
    return resourceManager;
  }

  @Override
  public void close() {
    liveness.close();
    dispatcher.close();
    server.shutdownNow();
    connections.close();
  }
}
