package io.eddy.runtime.task;

import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.CheckpointStreamFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subtask's part of a checkpoint. On the task thread: the operators' synchronous snapshots, then
 * the barrier to every output. On the checkpoint I/O thread: the state files, then the
 * acknowledgement through the {@link CheckpointResponder} (or a decline if anything failed), so the
 * task thread goes on processing records while the files are written.
 */
final class SubtaskCheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

  private final TaskDeploymentDescriptor tdd;
  private final CheckpointStreamFactory stateFiles;
  private final Executor io;
  private final CheckpointResponder responder;
  private long lastCheckpointId = -1;

  /**
   * With an alignment timeout: the checkpoint whose in-order barriers may still have to overtake
   * the output data, and the future of that data (empty if the consumers took them in time).
   */
  private long trackedCheckpointId = -1;

  private CompletableFuture<List<List<List<byte[]>>>> trackedOutputData;

  private List<RecordWriter<?>> trackedWriters;

  SubtaskCheckpointCoordinator(
      TaskDeploymentDescriptor tdd, Executor io, CheckpointResponder responder) {
    this.tdd = tdd;
    this.stateFiles =
        CheckpointStorages.streamFactory(
            tdd.checkpointStorageRoot(),
            tdd.jobId(),
            tdd.vertexIndex(),
            tdd.subtaskIndex(),
            tdd.attemptNumber());
    this.io = io;
    this.responder = responder;
  }

  /**
   * Takes this subtask's part of the barrier's checkpoint, unless it did already (a trigger and the
   * barriers of the same checkpoint may both arrive at a subtask whose input ended).
   *
   * @param outputsEnded whether the outputs already carried their end of partition (then no barrier
   *     follows)
   */
  void checkpoint(
      CheckpointBarrier barrier,
      OperatorChain chain,
      List<RecordWriter<?>> writers,
      boolean outputsEnded)
      throws Exception {
    OperatorSnapshot[] snapshots = snapshotOnce(barrier, chain, writers, outputsEnded);
    if (snapshots == null) {
      return;
    }
    long id = barrier.checkpointId();
    var options = tdd.checkpointing();
    if (!outputsEnded
        && options.unaligned()
        && options.alignedTimeoutMillis() > 0
        && !barrier.type().isSavepoint()) {
      // Aligned first: if the alignment times out, these barriers overtake the queued output.
      List<CompletableFuture<Void>> consumed = new ArrayList<>();
      for (RecordWriter<?> writer : writers) {
        consumed.addAll(writer.broadcastTrackedBarrier(barrier));
      }
      CompletableFuture<List<List<List<byte[]>>>> outputData = new CompletableFuture<>();
      trackedCheckpointId = id;
      trackedOutputData = outputData;
      trackedWriters = writers;
      CompletableFuture.allOf(consumed.toArray(CompletableFuture[]::new))
          .thenRun(() -> outputData.complete(List.of())); // in time: no in-flight data
      outputData.thenAccept(
          data -> {
            ChannelState channels = new ChannelState(data, List.of());
            io.execute(() -> writeAndAcknowledge(id, chain, snapshots, channels));
          });
      return;
    }
    if (!outputsEnded) {
      for (RecordWriter<?> writer : writers) {
        writer.broadcastBarrier(barrier);
      }
    }
    io.execute(() -> writeAndAcknowledge(id, chain, snapshots, null));
  }

  /**
   * The alignment of checkpoint {@code checkpointId} timed out: barriers of it still queued behind
   * output data overtake it, and that data becomes the checkpoint's in-flight data. Task thread.
   */
  void overtakeQueuedBarriers(long checkpointId) {
    if (checkpointId != trackedCheckpointId || trackedOutputData.isDone()) {
      return;
    }
    List<List<List<byte[]>>> data = new ArrayList<>();
    for (RecordWriter<?> writer : trackedWriters) {
      data.add(writer.overtakeWithBarriers());
    }
    trackedOutputData.complete(data);
  }

  /**
   * Takes this subtask's part of an unaligned checkpoint: the operators' snapshots, then barriers
   * that overtake the queued output data (which is recorded), and, once {@code inputData} completes
   * (every input channel's barrier arrived), the state files with the in-flight data.
   */
  void checkpointUnaligned(
      CheckpointBarrier barrier,
      OperatorChain chain,
      List<RecordWriter<?>> writers,
      boolean outputsEnded,
      CompletableFuture<List<ChannelState.InputChannelData>> inputData)
      throws Exception {
    OperatorSnapshot[] snapshots = snapshotOnce(barrier, chain, writers, outputsEnded);
    if (snapshots == null) {
      return;
    }
    long id = barrier.checkpointId();
    List<List<List<byte[]>>> outputData = new ArrayList<>();
    if (!outputsEnded) {
      for (RecordWriter<?> writer : writers) {
        outputData.add(writer.broadcastPriorityBarrier(barrier));
      }
    }
    inputData.whenComplete(
        (inputs, error) -> {
          if (error != null) {
            OperatorSnapshot.releaseAll(snapshots);
            responder.declineCheckpoint(id, describe(error));
            return;
          }
          ChannelState channels = new ChannelState(outputData, inputs);
          io.execute(() -> writeAndAcknowledge(id, chain, snapshots, channels));
        });
  }

  /**
   * The operators' synchronous snapshots for the barrier's checkpoint; null if this subtask took
   * its part already (a trigger and barriers may both reach a subtask whose input ended) or could
   * not (then it declined, and passed the barrier on so that downstream tasks do not wait).
   */
  private OperatorSnapshot[] snapshotOnce(
      CheckpointBarrier barrier,
      OperatorChain chain,
      List<RecordWriter<?>> writers,
      boolean outputsEnded) {
    long id = barrier.checkpointId();
    if (id <= lastCheckpointId) {
      return null;
    }
    lastCheckpointId = id;
    try {
      if (!outputsEnded) {
        chain.prepareSnapshotPreBarrier(id);
      }
      return chain.snapshotState(id, barrier.timestamp());
    } catch (Exception e) {
      LOG.warn("{} could not snapshot its state for checkpoint {}", tdd.description(), id, e);
      responder.declineCheckpoint(id, describe(e));
      if (!outputsEnded) {
        writers.forEach(w -> broadcast(w, barrier));
      }
      return null;
    }
  }

  private static void broadcast(RecordWriter<?> writer, CheckpointBarrier barrier) {
    try {
      writer.broadcastBarrier(barrier);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeAndAcknowledge(
      long id, OperatorChain chain, OperatorSnapshot[] snapshots, ChannelState channels) {
    try {
      List<StateFileHandle> files = new ArrayList<>();
      if (channels != null && !channels.isEmpty()) {
        files.add(
            stateFiles.writeChannelState(
                id, channelStateId(chain.operatorId(0)), channels::writeTo));
      }
      for (int i = 0; i < snapshots.length; i++) {
        OperatorSnapshot s = snapshots[i];
        if (s.keyedState() != null) {
          files.add(
              stateFiles.writeKeyedState(
                  id, i, chain.operatorId(i), s.keyGroups(), s.keyedState()));
        }
        if (s.operatorState() != null) {
          files.add(stateFiles.writeOperatorState(id, i, chain.operatorId(i), s.operatorState()));
        }
      }
      responder.acknowledgeCheckpoint(id, files);
    } catch (Throwable t) {
      LOG.warn("{} could not write its state for checkpoint {}", tdd.description(), id, t);
      responder.declineCheckpoint(id, describe(t));
    } finally {
      OperatorSnapshot.releaseAll(snapshots); // written or not, they are done with
    }
  }

  /** The id under which a task's in-flight data is stored: its head operator's, marked. */
  static String channelStateId(String headOperatorId) {
    return ChannelState.stateId(headOperatorId);
  }

  private String describe(Throwable t) {
    return tdd.description() + ": " + (t.getMessage() == null ? t.toString() : t.getMessage());
  }
}
