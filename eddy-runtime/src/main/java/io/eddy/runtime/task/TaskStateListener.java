package io.eddy.runtime.task;

import io.eddy.runtime.gateway.TaskExecutionState;
import java.util.concurrent.CompletableFuture;

/**
 * Where a subtask attempt reports its {@link io.eddy.runtime.gateway.ExecutionState} changes (to
 * the JobMaster of its job, which schedules, restarts and finishes the job on them).
 *
 * <p>Called on the task thread for each transition, and again on a timer thread when {@link Task}
 * retries a report that failed. It does not block: it sends the update and returns.
 *
 * <p>The future completes when the update was delivered, exceptionally if it could not be (the
 * control plane crosses a network); the task then retries, since a lost final state would leave the
 * job waiting. The receiver ignores updates that arrive out of order.
 */
@FunctionalInterface
public interface TaskStateListener {
  CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);
}
