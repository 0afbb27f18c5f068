package io.eddy.runtime.minicluster;

import io.eddy.runtime.cluster.Dispatcher;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.netty.NettyDataPlane;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.storage.LocalStateCopies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JobManager and N TaskManagers inside this JVM, running the same dispatcher, scheduler, tasks
 * and serialized buffer exchange as a distributed cluster. Only the transports differ: gateways are
 * called in-JVM, and buffers are handed over in memory or, with {@link
 * MiniClusterConfig.NetworkTransport#NETTY}, sent over loopback TCP by the same data plane a
 * distributed TaskManager uses (DESIGN.md §1). With {@link
 * MiniClusterConfig.ControlPlane#GRPC_IN_PROCESS} the gateway calls go through the distributed
 * cluster's gRPC services on grpc-java's in-process transport (DESIGN.md §4).
 */
public final class MiniCluster implements AutoCloseable {
  private final MiniClusterConfig config;
  private final ResourceManager resourceManager = new ResourceManager();
  private final PartitionRegistry partitionRegistry = new PartitionRegistry();
  private final LibraryCache libraryCache = new LibraryCache();
  private final List<TaskExecutor> taskExecutors = new ArrayList<>();
  private final Dispatcher dispatcher;
  private final EmbeddedGrpcControlPlane controlPlane;
  private final Path localStateDirectory;

  public MiniCluster(MiniClusterConfig config) {
    this.config = config;
    this.localStateDirectory = enableLocalRecovery();
    boolean netty = config.networkTransport() == MiniClusterConfig.NetworkTransport.NETTY;
    // one backend for all embedded TaskManagers: they share the JVM's memory
    StateBackend stateBackend = StateBackends.fromConfig(config.stateBackendConfig());
    for (int i = 0; i < config.numTaskManagers(); i++) {
      String name = "embedded-tm-" + (i + 1);
      // With the network transport each TaskManager publishes only its own partitions, as in a
      // distributed cluster: a consumer elsewhere can reach them only through the server.
      PartitionRegistry registry = netty ? new PartitionRegistry() : partitionRegistry;
      TaskExecutor te =
          new TaskExecutor(
              name,
              config.slotsPerTaskManager(),
              new NetworkBufferPool(config.networkBuffersPerTaskManager(), config.bufferSize()),
              registry,
              config.buffersPerChannel(),
              libraryCache,
              config.clock(),
              netty ? NettyDataPlane.start("127.0.0.1", registry, name) : null,
              stateBackend);
      taskExecutors.add(te);
    }
    // The JobMasters run on the system clock; config.clock() is the tasks' processing time.
    this.dispatcher = new Dispatcher(resourceManager, libraryCache, null);
    if (config.controlPlane() == MiniClusterConfig.ControlPlane.GRPC_IN_PROCESS) {
      this.controlPlane =
          new EmbeddedGrpcControlPlane(resourceManager, dispatcher::findJobMaster, libraryCache);
      for (int i = 0; i < taskExecutors.size(); i++) {
        controlPlane.register(
            "embedded-tm-" + (i + 1), taskExecutors.get(i), config.slotsPerTaskManager());
      }
    } else {
      this.controlPlane = null;
      taskExecutors.forEach(
          te -> resourceManager.registerTaskManager(te, config.slotsPerTaskManager()));
    }
  }

  public MiniClusterConfig getConfig() {
    return config;
  }

  public DispatcherGateway getDispatcher() {
    return dispatcher;
  }

  /** Where jobs' class loaders are registered before submission. */
  public LibraryCache getLibraryCache() {
    return libraryCache;
  }

  public ResourceManager getResourceManager() {
    return resourceManager;
  }

  public List<TaskExecutor> getTaskExecutors() {
    return taskExecutors;
  }

  @Override
  public void close() {
    dispatcher.close();
    taskExecutors.forEach(TaskExecutor::close);
    if (controlPlane != null) {
      controlPlane.close();
    }
    if (localStateDirectory != null) {
      LocalStateCopies.disable(localStateDirectory);
    }
  }

  /** The embedded TaskManagers keep local copies of their state, as distributed ones do. */
  private static Path enableLocalRecovery() {
    try {
      Path dir = Files.createTempDirectory("eddy-local-state-");
      LocalStateCopies.enable(dir);
      return dir;
    } catch (IOException e) {
      return null; // no local recovery: restores read from the checkpoint storage
    }
  }
}
