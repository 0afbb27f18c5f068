package io.eddy.runtime.operators;

import java.util.concurrent.CompletableFuture;

/**
 * An operator that waits for something outside its task (the collect sink, for its client to take a
 * batch) and must not block the task thread while it does, so that the task still takes
 * checkpoints, timers and cancellation. Instead it pauses the task's input.
 *
 * <p>The task calls both methods on the task thread only, never concurrently with the operator's
 * other methods: {@link #tryProgress()} before each step of input processing, and, after {@link
 * StreamOperator#finish()}, until it returns true; while it returns false the task takes no input
 * and only runs mails until {@link #getAvailableFuture()} completes, then asks again.
 */
public interface PausingOperator {
  /**
   * Makes what progress it can without blocking (e.g. sends what waited for the previous send).
   *
   * @return true if the operator can take more input now, or, after {@code finish()}, if all it
   *     produced is delivered
   * @throws Exception if earlier asynchronous work failed: the task fails
   */
  boolean tryProgress() throws Exception;

  /**
   * Completes (on any thread) when {@link #tryProgress()} may return true or make progress. Only
   * meaningful after {@code tryProgress()} returned false.
   */
  CompletableFuture<?> getAvailableFuture();
}
