package io.eddy.runtime.source;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.VersionedBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a source's {@link SplitEnumerator} on the JobManager, on a thread of its own (so slow split
 * discovery never blocks the JobMaster), and relays events between it and the readers.
 *
 * <p>Checkpoints: {@link #snapshotState} runs the enumerator's snapshot on the coordinator thread,
 * so it sees exactly the splits not assigned yet: every assignment made before it has already been
 * handed to {@code sendToSubtask}. For the checkpoint to be consistent, the caller must deliver
 * those assignments to the readers before the checkpoint's trigger: {@code sendToSubtask} should
 * enqueue on the JobMaster thread, and the JobMaster should react to the snapshot's future on that
 * same thread (for example {@code thenAcceptAsync(..., jobMasterExecutor)}), which then runs after
 * the assignments. A split is then either in the enumerator's checkpoint or in the state of the
 * reader it was assigned to, never in both and never in neither. A job restored from a checkpoint
 * starts the coordinator with {@link #start(byte[])} and the bytes of {@link #snapshotState}.
 *
 * <p>Readers that restart alone (regional failover: the rest of the job runs on) are restored from
 * the latest completed checkpoint, so the splits assigned to them after it would be in neither
 * state: the coordinator remembers them ({@link UncheckpointedAssignments}) and gives them back to
 * the enumerator when the reader restarts: {@link #subtaskFailed}, then {@link #resetSubtask}.
 */
public final class SourceCoordinator<SplitT extends SourceSplit, C> implements AutoCloseable {
  private final String operatorName;
  private final Source<?, SplitT, C> source;
  private final int parallelism;
  private final BiConsumer<Integer, OperatorEvent> sendToSubtask;
  private final ExecutorService executor;
  private SplitEnumerator<SplitT, C> enumerator;
  private SimpleVersionedSerializer<SplitT> splitSerializer;
  private final UncheckpointedAssignments<SplitT> uncheckpointed =
      new UncheckpointedAssignments<>();

  /** Readers that failed and wait for {@link #resetSubtask}: nothing is sent to them. */
  private final Set<Integer> readersDown = new HashSet<>();

  /**
   * @param sendToSubtask delivers an event to the current attempt of a reader subtask
   * @param onFailure told when the enumerator throws (fails the job)
   */
  public SourceCoordinator(
      String operatorName,
      Source<?, SplitT, C> source,
      int parallelism,
      BiConsumer<Integer, OperatorEvent> sendToSubtask,
      Consumer<Throwable> onFailure) {
    this.operatorName = operatorName;
    this.source = source;
    this.parallelism = parallelism;
    this.sendToSubtask = sendToSubtask;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "source-coordinator-" + operatorName);
              t.setDaemon(true);
              t.setUncaughtExceptionHandler((th, e) -> onFailure.accept(e));
              return t;
            });
  }

  /** Creates and starts a fresh enumerator; fails if the source cannot start (missing input). */
  public CompletableFuture<Void> start() {
    return start(null);
  }

  /**
   * Starts the enumerator: restored with {@link Source#restoreEnumerator} from {@code
   * restoredState} (bytes of an earlier {@link #snapshotState}), or created fresh if it is null.
   * Fails if the source cannot start or the state cannot be read.
   */
  public CompletableFuture<Void> start(byte[] restoredState) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            splitSerializer = source.getSplitSerializer();
            if (restoredState == null) {
              enumerator = source.createEnumerator(new Context());
            } else {
              C checkpoint =
                  VersionedBytes.deserialize(
                      source.getEnumeratorCheckpointSerializer(), restoredState);
              enumerator = source.restoreEnumerator(new Context(), checkpoint);
            }
            enumerator.start();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        },
        executor);
  }

  /** An event from reader {@code subtask}. */
  public CompletableFuture<Void> handleEvent(int subtask, OperatorEvent event) {
    return CompletableFuture.runAsync(
        () -> {
          if (event instanceof OperatorEvent.SplitRequest) {
            enumerator.handleSplitRequest(subtask);
          } else if (event instanceof OperatorEvent.ReaderRegistration) {
            enumerator.addReader(subtask);
          } else {
            throw new IllegalArgumentException(
                "Unexpected event for " + operatorName + ": " + event);
          }
        },
        executor);
  }

  /**
   * The enumerator's checkpoint (the splits it has not assigned), serialized with the source's
   * enumerator checkpoint serializer, version first. Runs on the coordinator thread, after every
   * event handled so far; see the class comment for the ordering the caller must keep.
   */
  public CompletableFuture<byte[]> snapshotState(long checkpointId) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            byte[] state =
                VersionedBytes.serialize(
                    source.getEnumeratorCheckpointSerializer(),
                    enumerator.snapshotState(checkpointId));
            uncheckpointed.snapshotTaken(checkpointId);
            return state;
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(
                "Could not snapshot the split enumerator of " + operatorName, e);
          }
        },
        executor);
  }

  /**
   * Checkpoint {@code checkpointId} completed; tells the enumerator on its thread. An exception of
   * the enumerator goes to {@code onFailure}, like any other failure of the coordinator thread.
   */
  public void notifyCheckpointComplete(long checkpointId) {
    executor.execute(
        () -> {
          try {
            uncheckpointed.checkpointCompleted(checkpointId);
            enumerator.notifyCheckpointComplete(checkpointId);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(
                "The split enumerator of " + operatorName + " failed: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Reader {@code subtask} failed and restarts alone (its pipelined region failed; the rest of the
   * job runs on): until {@link #resetSubtask} nothing more is sent to it, and what the enumerator
   * assigns to it meanwhile is kept for the reset. Completes on the coordinator thread once marked,
   * so every event sent to the old reader before has already been handed to {@code sendToSubtask}.
   */
  public CompletableFuture<Void> subtaskFailed(int subtask) {
    return CompletableFuture.runAsync(() -> readersDown.add(subtask), executor);
  }

  /**
   * The new attempt of failed reader {@code subtask} is about to start, restored from the latest
   * completed checkpoint: the splits assigned to the reader after that checkpoint go back to the
   * enumerator ({@link SplitEnumerator#addSplitsBack}), since the restored state holds only the
   * others, and events flow to the reader again. The new reader registers when it opens. Call it
   * after {@link #subtaskFailed} completed and once {@code sendToSubtask} reaches the new attempt.
   * Fails if the enumerator throws.
   */
  public CompletableFuture<Void> resetSubtask(int subtask) {
    return CompletableFuture.runAsync(
        () -> {
          readersDown.remove(subtask);
          List<SplitT> splits = uncheckpointed.takeUncheckpointed(subtask);
          if (!splits.isEmpty()) {
            enumerator.addSplitsBack(splits, subtask);
          }
        },
        executor);
  }

  @Override
  public void close() throws Exception {
    executor.submit(
        () -> {
          if (enumerator != null) {
            enumerator.close();
          }
          return null;
        });
    executor.shutdown();
  }

  private final class Context implements SplitEnumeratorContext<SplitT> {
    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public void assignSplit(SplitT split, int subtaskId) {
      try {
        byte[] bytes = splitSerializer.serialize(split);
        uncheckpointed.assigned(subtaskId, split);
        if (!readersDown.contains(subtaskId)) {
          sendToSubtask.accept(
              subtaskId, new OperatorEvent.AddSplits(splitSerializer.getVersion(), List.of(bytes)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not serialize split " + split.splitId(), e);
      }
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      if (!readersDown.contains(subtaskId)) { // a restarted reader asks again
        sendToSubtask.accept(subtaskId, new OperatorEvent.NoMoreSplits());
      }
    }
  }
}
