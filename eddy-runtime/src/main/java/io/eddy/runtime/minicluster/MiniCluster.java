package io.eddy.runtime.minicluster;

import io.eddy.runtime.cluster.Dispatcher;
import io.eddy.runtime.cluster.DispatcherGateway;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.partition.PartitionRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A JobManager and N TaskManagers inside this JVM, running the same dispatcher, scheduler, tasks
 * and serialized buffer exchange as a distributed cluster. Only the transports differ: gateways are
 * called in-JVM and buffers are handed over in memory (DESIGN.md §1).
 */
public final class MiniCluster implements AutoCloseable {
  private final MiniClusterConfig config;
  private final ResourceManager resourceManager = new ResourceManager();
  private final PartitionRegistry partitionRegistry = new PartitionRegistry();
  private final LibraryCache libraryCache = new LibraryCache();
  private final List<TaskExecutor> taskExecutors = new ArrayList<>();
  private final Dispatcher dispatcher;

  public MiniCluster(MiniClusterConfig config) {
    this.config = config;
    for (int i = 0; i < config.numTaskManagers(); i++) {
      TaskExecutor te =
          new TaskExecutor(
              "embedded-tm-" + (i + 1),
              config.slotsPerTaskManager(),
              new NetworkBufferPool(config.networkBuffersPerTaskManager(), config.bufferSize()),
              partitionRegistry,
              config.buffersPerChannel(),
              libraryCache,
              config.clock());
      taskExecutors.add(te);
      resourceManager.registerTaskManager(te, config.slotsPerTaskManager());
    }
    this.dispatcher = new Dispatcher(resourceManager, libraryCache);
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
  }
}
