package io.eddy.runtime.minicluster;

import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.eddy.runtime.rpc.grpc.ControlPlaneConnections;
import io.eddy.runtime.rpc.grpc.GrpcBlobService;
import io.eddy.runtime.rpc.grpc.GrpcJobMasterService;
import io.eddy.runtime.rpc.grpc.GrpcResourceManagerClient;
import io.eddy.runtime.rpc.grpc.GrpcResourceManagerService;
import io.eddy.runtime.rpc.grpc.GrpcTaskExecutorService;
import io.eddy.runtime.rpc.grpc.JobArtifactFetcher;
import io.eddy.runtime.rpc.grpc.ResourceManagerRegistrar;
import io.eddy.runtime.rpc.grpc.TaskManagerRegistrar.Registration;
import io.grpc.Server;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The gRPC control plane of an embedded cluster, on grpc-java's in-process transport: the
 * JobManager serves its JobMasters, TaskManager registration and job jars, each TaskManager its
 * TaskExecutor service, and every call between them is encoded as Protobuf, as in a distributed
 * cluster. The TaskManagers share the JobManager's {@link LibraryCache}, so their artifact fetchers
 * find every job's code there and fetch nothing.
 */
final class EmbeddedGrpcControlPlane implements AutoCloseable {
  private final String prefix =
      ControlPlaneChannels.IN_PROCESS_PREFIX + "eddy-" + UUID.randomUUID();
  private final String jobManagerTarget = prefix + "-jobmanager";
  private final ControlPlaneConnections connections = new ControlPlaneConnections();
  private final List<Server> servers = new CopyOnWriteArrayList<>();
  private final List<JobArtifactFetcher> fetchers = new CopyOnWriteArrayList<>();
  private final LibraryCache libraryCache;
  private final GrpcResourceManagerClient resourceManagerClient;

  EmbeddedGrpcControlPlane(
      ResourceManager resourceManager,
      Function<String, JobMasterGateway> jobMasters,
      LibraryCache libraryCache) {
    this.libraryCache = libraryCache;
    var registrar =
        new ResourceManagerRegistrar(
            resourceManager, r -> connections.taskExecutor(r, () -> jobManagerTarget));
    servers.add(
        ControlPlaneChannels.start(
            jobManagerTarget,
            List.of(
                new GrpcJobMasterService(jobMasters),
                new GrpcResourceManagerService(registrar),
                new GrpcBlobService(libraryCache))));
    resourceManagerClient =
        new GrpcResourceManagerClient(
            connections.channel(jobManagerTarget),
            jobManagerTarget,
            ControlPlaneConnections.DEADLINE);
  }

  /** Serves {@code taskExecutor} and registers it with the JobManager, over gRPC. */
  void register(String taskManagerId, TaskExecutor taskExecutor, int slots) {
    String target = prefix + "-" + taskManagerId;
    // Written to only if a job's code were missing from the shared cache, which never happens.
    Path workDirectory =
        Path.of(System.getProperty("java.io.tmpdir"), prefix.substring(prefix.indexOf(':') + 1))
            .resolve(taskManagerId);
    var fetcher =
        new JobArtifactFetcher(
            libraryCache, workDirectory, connections::channel, ControlPlaneConnections.DEADLINE);
    fetchers.add(fetcher);
    servers.add(
        ControlPlaneChannels.start(
            target,
            List.of(new GrpcTaskExecutorService(taskExecutor, connections::jobMaster, fetcher))));
    String location = taskExecutor.getLocation();
    int colon = location.lastIndexOf(':');
    int dataPort = colon < 0 ? 0 : Integer.parseInt(location.substring(colon + 1));
    resourceManagerClient
        .register(new Registration(taskManagerId, target, location, dataPort, slots))
        .join();
  }

  @Override
  public void close() {
    fetchers.forEach(JobArtifactFetcher::close);
    connections.close();
    servers.forEach(Server::shutdownNow);
  }
}
