package io.eddy.runtime.task;

import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.operators.TaskInterruptedException;
import io.eddy.runtime.snapshot.SnapshotType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask attempt on a TaskManager: owns the thread, the {@link ExecutionState} and reports
 * every state change to the JobMaster (through its {@link TaskStateListener}). The stream
 * processing itself is {@link StreamTask}.
 */
public final class Task implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Task.class);

  private final TaskDeploymentDescriptor tdd;
  private final StreamTask streamTask;
  private final TaskStateListener states;
  private final Runnable onTerminated;
  private final Thread thread;
  private volatile ExecutionState state = ExecutionState.DEPLOYING;

  public Task(
      TaskDeploymentDescriptor tdd,
      TaskServices services,
      TaskControlPorts ports,
      Runnable onTerminated) {
    this.tdd = tdd;
    this.states = ports.states();
    this.onTerminated = onTerminated;
    this.streamTask = new StreamTask(tdd, services, ports);
    this.thread = new Thread(this, tdd.description());
    this.thread.setContextClassLoader(services.userCodeClassLoader());
  }

  public TaskDeploymentDescriptor getDescriptor() {
    return tdd;
  }

  public ExecutionState getState() {
    return state;
  }

  public void start() {
    thread.start();
  }

  @Override
  public void run() {
    try {
      transition(ExecutionState.INITIALIZING, null, null);
      streamTask.invoke(() -> transition(ExecutionState.RUNNING, null, null));
      transition(ExecutionState.FINISHED, null, Map.copyOf(streamTask.getAccumulators()));
    } catch (Throwable t) {
      if (state == ExecutionState.CANCELING || t instanceof StreamTask.TaskCanceledException) {
        transition(ExecutionState.CANCELED, null, null);
      } else if (t instanceof TaskInterruptedException && state == ExecutionState.CANCELING) {
        transition(ExecutionState.CANCELED, null, null);
      } else {
        LOG.warn("{} failed", tdd.description(), t);
        transition(ExecutionState.FAILED, t, null);
      }
    } finally {
      onTerminated.run();
    }
  }

  /** Cancels the attempt: the task thread stops after its current step. */
  public void cancel() {
    if (state.isTerminal()) {
      return;
    }
    state = ExecutionState.CANCELING;
    streamTask.cancel();
    thread.interrupt(); // wakes the thread if it waits for a buffer
  }

  /**
   * Cancels the attempt without telling the JobMaster: its TaskManager is shutting down, and the
   * JobManager learns of that through the lost connection, not through one report per task.
   */
  public void cancelSilently() {
    silent = true;
    cancel();
  }

  public void deliverOperatorEvent(OperatorEvent event) {
    streamTask.deliverOperatorEvent(event);
  }

  public void triggerCheckpoint(long checkpointId, long timestamp, SnapshotType type) {
    streamTask.triggerCheckpoint(new CheckpointBarrier(checkpointId, timestamp, type));
  }

  public void notifyCheckpointComplete(long checkpointId, boolean finalCheckpoint) {
    streamTask.notifyCheckpointComplete(checkpointId, finalCheckpoint);
  }

  public void alignmentTimedOut(long checkpointId, long timestamp) {
    streamTask.alignmentTimedOut(checkpointId, timestamp);
  }

  public void notifyCheckpointAborted(long checkpointId) {
    streamTask.notifyCheckpointAborted(checkpointId);
  }

  private void transition(
      ExecutionState next, Throwable failure, Map<String, Accumulator<?, ?>> accumulators) {
    if (state == ExecutionState.CANCELING && !next.isTerminal()) {
      return;
    }
    state = next;
    report(new TaskExecutionState(tdd.jobId(), tdd.attemptId(), next, failure, accumulators), 1);
  }

  private static final int MAX_REPORT_ATTEMPTS = 5;

  private volatile boolean silent;

  /**
   * Tells the JobMaster of a state change; a call that fails (the control plane crosses a network)
   * is retried with a growing delay, since a lost final state would leave the job waiting. The
   * JobMaster ignores updates that arrive out of order.
   */
  private void report(TaskExecutionState update, int attempt) {
    if (silent) {
      return;
    }
    states
        .updateTaskExecutionState(update)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                return;
              }
              if (attempt >= MAX_REPORT_ATTEMPTS) {
                LOG.error(
                    "{} could not report {} to the JobMaster after {} attempts",
                    tdd.description(),
                    update.state(),
                    attempt,
                    error);
                return;
              }
              LOG.warn(
                  "{} could not report {} to the JobMaster (attempt {}): {}",
                  tdd.description(),
                  update.state(),
                  attempt,
                  error.toString());
              CompletableFuture.delayedExecutor(100L << attempt, TimeUnit.MILLISECONDS)
                  .execute(() -> report(update, attempt + 1));
            });
  }
}
