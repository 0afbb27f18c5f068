package io.eddy.runtime.cluster;

import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.netty.NettyDataPlane;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.rpc.RpcEndpoint;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.task.Task;
import io.eddy.runtime.task.TaskServices;
import io.eddy.runtime.time.Clock;
import io.eddy.runtime.time.SystemClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The TaskManager's service: runs the subtasks the JobManager deploys into its slots, each on a
 * thread of its own, and owns the TaskManager's network memory and timer thread.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {
  private final String location;
  private final int numberOfSlots;
  private final NetworkBufferPool networkBufferPool;
  private final PartitionRegistry partitionRegistry;
  private final ScheduledExecutorService timer;
  private final ExecutorService checkpointIo;
  private final Clock clock;
  private final int buffersPerChannel;
  private final LibraryCache libraryCache;
  private final NettyDataPlane dataPlane;

  /**
   * Where the tasks' operators keep their state unless their job chose another backend (by default
   * the heap; others plug in by name).
   */
  private final StateBackend stateBackend;

  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, List<ResultPartitionId>> partitionsByJob = new HashMap<>();

  public TaskExecutor(
      String location,
      int numberOfSlots,
      NetworkBufferPool networkBufferPool,
      PartitionRegistry partitionRegistry,
      int buffersPerChannel,
      LibraryCache libraryCache) {
    this(
        location,
        numberOfSlots,
        networkBufferPool,
        partitionRegistry,
        buffersPerChannel,
        libraryCache,
        null,
        null);
  }

  /**
   * @param location the TaskManager's name; with a data plane, its address replaces it
   * @param clock processing time of the tasks, or null for the system clock
   * @param dataPlane serves this TaskManager's partitions and reads remote ones over the network;
   *     null if all producers are in this JVM (embedded local transport). Closed with this.
   */
  public TaskExecutor(
      String location,
      int numberOfSlots,
      NetworkBufferPool networkBufferPool,
      PartitionRegistry partitionRegistry,
      int buffersPerChannel,
      LibraryCache libraryCache,
      Clock clock,
      NettyDataPlane dataPlane) {
    this(
        location,
        numberOfSlots,
        networkBufferPool,
        partitionRegistry,
        buffersPerChannel,
        libraryCache,
        clock,
        dataPlane,
        StateBackends.named(StateBackends.DEFAULT));
  }

  /**
   * @param stateBackend where tasks keep their state unless their job chose another backend
   */
  public TaskExecutor(
      String location,
      int numberOfSlots,
      NetworkBufferPool networkBufferPool,
      PartitionRegistry partitionRegistry,
      int buffersPerChannel,
      LibraryCache libraryCache,
      Clock clock,
      NettyDataPlane dataPlane,
      StateBackend stateBackend) {
    super("taskmanager-" + location);
    this.stateBackend = stateBackend;
    this.location = dataPlane != null ? dataPlane.address() : location;
    this.dataPlane = dataPlane;
    this.numberOfSlots = numberOfSlots;
    this.networkBufferPool = networkBufferPool;
    this.partitionRegistry = partitionRegistry;
    this.buffersPerChannel = buffersPerChannel;
    this.libraryCache = libraryCache;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "timer-" + location);
              t.setDaemon(true);
              return t;
            });
    this.clock = clock != null ? clock : new SystemClock(timer);
    this.checkpointIo =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "checkpoint-io-" + location);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String getLocation() {
    return location;
  }

  public int getNumberOfSlots() {
    return numberOfSlots;
  }

  /** The network data plane, or null with the embedded local transport. */
  public NettyDataPlane getDataPlane() {
    return dataPlane;
  }

  public NetworkBufferPool getNetworkBufferPool() {
    return networkBufferPool;
  }

  @Override
  public CompletableFuture<Void> submitTask(
      TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
    return runAsync(
        () -> {
          ClassLoader loader = libraryCache.get(tdd.jobId());
          TaskServices services =
              new TaskServices(
                  networkBufferPool,
                  partitionRegistry,
                  clock,
                  loader,
                  buffersPerChannel,
                  checkpointIo,
                  dataPlane,
                  stateBackend);
          Task task =
              new Task(
                  tdd,
                  services,
                  JobMasterTaskPorts.forAttempt(jobMaster, tdd),
                  () -> runAsync(() -> taskEnded(tdd.attemptId())));
          tasks.put(tdd.attemptId(), task);
          List<ResultPartitionId> ids =
              partitionsByJob.computeIfAbsent(tdd.jobId(), k -> new ArrayList<>());
          tdd.outputs().forEach(o -> ids.add(o.partitionId()));
          task.start();
        });
  }

  /**
   * A task ended. If it failed or was cancelled its partitions are forgotten now: their consumers
   * are in its pipelined region, which restarts (with the whole job, or alone while other subtasks
   * of the job run on here). A finished task's partitions stay until the job is released.
   */
  private void taskEnded(String attemptId) {
    Task task = tasks.remove(attemptId);
    if (task == null || task.getState() == ExecutionState.FINISHED) {
      return;
    }
    List<ResultPartitionId> ids = partitionsByJob.get(task.getDescriptor().jobId());
    for (var output : task.getDescriptor().outputs()) {
      partitionRegistry.unregister(output.partitionId());
      if (ids != null) {
        ids.remove(output.partitionId());
      }
    }
  }

  @Override
  public CompletableFuture<Void> cancelTask(String attemptId) {
    return runAsync(
        () -> {
          Task task = tasks.get(attemptId);
          if (task != null) {
            task.cancel();
          }
        });
  }

  @Override
  public CompletableFuture<Void> sendOperatorEvent(String attemptId, OperatorEvent event) {
    return runAsync(
        () -> {
          Task task = tasks.get(attemptId);
          if (task != null) {
            task.deliverOperatorEvent(event);
          }
        });
  }

  @Override
  public CompletableFuture<Void> triggerCheckpoint(
      String attemptId, long checkpointId, long timestamp, SnapshotType type) {
    return onTask(attemptId, t -> t.triggerCheckpoint(checkpointId, timestamp, type));
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointComplete(
      String attemptId, long checkpointId, boolean finalCheckpoint) {
    return onTask(attemptId, t -> t.notifyCheckpointComplete(checkpointId, finalCheckpoint));
  }

  @Override
  public CompletableFuture<Void> notifyCheckpointAborted(String attemptId, long checkpointId) {
    return onTask(attemptId, t -> t.notifyCheckpointAborted(checkpointId));
  }

  @Override
  public CompletableFuture<Void> alignmentTimedOut(
      String attemptId, long checkpointId, long timestamp) {
    return onTask(attemptId, t -> t.alignmentTimedOut(checkpointId, timestamp));
  }

  /** Runs {@code action} on the attempt if it still runs here (a late message is dropped). */
  private CompletableFuture<Void> onTask(String attemptId, Consumer<Task> action) {
    return runAsync(
        () -> {
          Task task = tasks.get(attemptId);
          if (task != null) {
            action.accept(task);
          }
        });
  }

  @Override
  public CompletableFuture<Void> releaseJob(String jobId) {
    return runAsync(
        () -> {
          List<ResultPartitionId> ids = partitionsByJob.remove(jobId);
          if (ids != null) {
            ids.forEach(partitionRegistry::unregister);
          }
        });
  }

  @Override
  public CompletableFuture<Void> jobEnded(String jobId) {
    return releaseJob(jobId); // the job's code is released by whoever fetched it (runner)
  }

  /**
   * Cancels every task and releases every partition, when the JobManager gave this TaskManager up:
   * its JobMasters redeploy the work elsewhere.
   */
  public CompletableFuture<Void> cancelAllTasks() {
    return runAsync(
        () -> {
          tasks.values().forEach(Task::cancel);
          partitionsByJob.values().forEach(ids -> ids.forEach(partitionRegistry::unregister));
          partitionsByJob.clear();
        });
  }

  /**
   * Cancels every task without reports to the JobMasters, when this TaskManager process stops: the
   * JobManager learns of that from the lost connection.
   */
  public CompletableFuture<Void> abandonTasks() {
    return runAsync(() -> tasks.values().forEach(Task::cancelSilently));
  }

  /** Number of tasks currently running here. */
  public CompletableFuture<Integer> runningTasks() {
    return callAsync(tasks::size);
  }

  @Override
  public void close() {
    runAsync(() -> tasks.values().forEach(Task::cancel));
    super.close();
    timer.shutdownNow();
    checkpointIo.shutdownNow();
    if (dataPlane != null) {
      dataPlane.close();
    }
  }
}
