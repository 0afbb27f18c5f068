package io.eddy.runtime.task;

import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How one subtask attempt answers the checkpoints of its job: the only way the task side talks to
 * the checkpoint coordinator. The TaskManager binds it to the attempt and to the control plane of
 * the attempt's JobMaster.
 *
 * <p>Threads: {@link #acknowledgeCheckpoint} runs on the checkpoint I/O thread after the state
 * files are written; {@link #declineCheckpoint} on the task thread, the I/O thread or the thread
 * that completed an unaligned checkpoint's input data; {@link #reportEndOfInput} on the task
 * thread. No method blocks: each sends a message and returns.
 *
 * <p>Futures complete when the coordinator's side received the message, exceptionally if it could
 * not be delivered. Callers need not watch them: an answer that is lost leaves the checkpoint
 * pending until it times out, which the coordinator handles like a decline.
 */
public interface CheckpointResponder {
  /** This subtask wrote its state for checkpoint {@code checkpointId}: these files. */
  CompletableFuture<Void> acknowledgeCheckpoint(
      long checkpointId, List<StateFileHandle> stateFiles);

  /** This subtask could not take its part of checkpoint {@code checkpointId}. */
  CompletableFuture<Void> declineCheckpoint(long checkpointId, String reason);

  /**
   * This subtask of a checkpointed job reached the end of its input and waits for the job's final
   * checkpoint before it finishes.
   */
  CompletableFuture<Void> reportEndOfInput();
}
