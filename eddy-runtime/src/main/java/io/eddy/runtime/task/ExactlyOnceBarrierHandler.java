package io.eddy.runtime.task;

import io.eddy.runtime.gateway.CheckpointException;
import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.snapshot.ChannelState.InputChannelData;
import io.eddy.runtime.snapshot.SnapshotType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Exactly-once barrier handling, aligned or unaligned.
 *
 * <p>Aligned ({@link #aligned}): a channel that delivered the barrier of the checkpoint in progress
 * is blocked, so none of its records after the barrier reach the operators, until every other
 * channel delivered it too (or ended); then the task snapshots and the channels are released.
 *
 * <p>Unaligned: the task snapshots at the first barrier of a checkpoint (it may have overtaken the
 * data queued in front of it) and, from then on, records every buffer of each other input channel
 * until that channel's barrier arrives: this in-flight data becomes part of the checkpoint, so
 * nothing waits for the backpressured data to drain. With an alignment timeout it starts aligned
 * and turns unaligned when the JobManager says the checkpoint's alignment timed out ({@link
 * #alignmentTimedOut}), even before any barrier arrived here. Savepoints always align.
 *
 * <p>A barrier of a newer checkpoint abandons the one in progress (the JobManager aborts it);
 * barriers of older checkpoints are ignored. Task thread only.
 */
final class ExactlyOnceBarrierHandler implements CheckpointBarrierHandler {
  /** Takes the unaligned snapshot; the input in-flight data completes later. */
  @FunctionalInterface
  interface UnalignedTarget {
    void triggerUnaligned(
        CheckpointBarrier barrier, CompletableFuture<List<InputChannelData>> inputData)
        throws Exception;
  }

  private final InputGate gate;
  private final Target alignedTarget;
  private final UnalignedTarget unalignedTarget;
  private final IntFunction<byte[]> pendingBytes;
  private final boolean alignFirst;
  private final boolean[] received;
  private final boolean[] ended;
  private long currentCheckpointId = -1;
  private CheckpointBarrier pending;
  private boolean recording;
  private byte[][] prefixes;
  private List<List<byte[]>> recorded;
  private CompletableFuture<List<InputChannelData>> inputData;

  /** Aligned checkpoints only: snapshots when every channel delivered the barrier. */
  static ExactlyOnceBarrierHandler aligned(InputGate gate, Target target) {
    return new ExactlyOnceBarrierHandler(
        gate,
        target,
        (barrier, input) -> {
          // alignment timeouts and overtaking barriers exist for unaligned checkpoints only
          throw new IllegalStateException(
              "Checkpoint " + barrier.checkpointId() + " turned unaligned in an aligned job");
        },
        channel -> new byte[0],
        true);
  }

  /**
   * @param pendingBytes per channel, the bytes of an element its deserializer has begun
   * @param alignFirst align until the JobManager reports the alignment timeout
   */
  ExactlyOnceBarrierHandler(
      InputGate gate,
      Target alignedTarget,
      UnalignedTarget unalignedTarget,
      IntFunction<byte[]> pendingBytes,
      boolean alignFirst) {
    this.gate = gate;
    this.alignedTarget = alignedTarget;
    this.unalignedTarget = unalignedTarget;
    this.pendingBytes = pendingBytes;
    this.alignFirst = alignFirst;
    this.received = new boolean[gate.getNumberOfChannels()];
    this.ended = new boolean[gate.getNumberOfChannels()];
  }

  @Override
  public void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
    if (!startOrContinue(barrier)) {
      return;
    }
    if (!received[channel]) {
      received[channel] = true;
      if (!recording) {
        gate.blockChannel(channel);
      }
    }
    if (!recording && !alignFirst && !pending.type().isSavepoint()) {
      goUnaligned(); // savepoints stay aligned: they must restore at any parallelism
    }
    completeIfAllArrived();
  }

  /**
   * A priority barrier that overtook data this task had already received from a remote producer:
   * the producer went unaligned, so this task does too, and the overtaken data joins the channel's
   * in-flight input after whatever was recorded before.
   */
  @Override
  public void processBarrier(CheckpointBarrier barrier, int channel, List<byte[]> overtaken)
      throws Exception {
    if (overtaken.isEmpty()) {
      processBarrier(barrier, channel);
      return;
    }
    if (!startOrContinue(barrier)) {
      return; // an older checkpoint's: the data is simply processed
    }
    if (!recording) {
      goUnaligned();
    }
    received[channel] = true;
    recorded.get(channel).addAll(overtaken);
    completeIfAllArrived();
  }

  /** The JobManager found checkpoint {@code checkpointId} still aligning: turn unaligned. */
  void alignmentTimedOut(long checkpointId, long timestamp) throws Exception {
    if (!startOrContinue(new CheckpointBarrier(checkpointId, timestamp, SnapshotType.CHECKPOINT))) {
      return;
    }
    if (!recording) {
      goUnaligned();
    }
    completeIfAllArrived();
  }

  /** Starts tracking a newer checkpoint; false if {@code barrier}'s is older or done here. */
  private boolean startOrContinue(CheckpointBarrier barrier) {
    long id = barrier.checkpointId();
    if (id < currentCheckpointId || (id == currentCheckpointId && pending == null)) {
      return false;
    }
    if (id > currentCheckpointId) {
      abandonCurrent();
      currentCheckpointId = id;
      pending = barrier;
      Arrays.fill(received, false);
    }
    return true;
  }

  private void goUnaligned() throws Exception {
    recording = true;
    prefixes = new byte[received.length][];
    recorded = new ArrayList<>(received.length);
    for (int c = 0; c < received.length; c++) {
      prefixes[c] = pendingBytes.apply(c);
      recorded.add(new ArrayList<>());
    }
    inputData = new CompletableFuture<>();
    gate.unblockAll(); // what blocked channels hold now is after the checkpoint: not recorded
    unalignedTarget.triggerUnaligned(pending, inputData);
  }

  @Override
  public void onBuffer(int channel, Buffer buffer) {
    if (recording && !received[channel] && !ended[channel] && !buffer.isEvent()) {
      recorded.get(channel).add(Arrays.copyOf(buffer.memory(), buffer.size()));
    }
  }

  @Override
  public void processEndOfPartition(int channel) throws Exception {
    ended[channel] = true;
    if (pending != null) {
      completeIfAllArrived();
    }
  }

  private void completeIfAllArrived() throws Exception {
    for (int c = 0; c < received.length; c++) {
      if (!received[c] && !ended[c]) {
        return;
      }
    }
    CheckpointBarrier barrier = pending;
    pending = null;
    if (recording) {
      recording = false;
      List<InputChannelData> data = new ArrayList<>(received.length);
      for (int c = 0; c < received.length; c++) {
        data.add(new InputChannelData(prefixes[c], recorded.get(c)));
      }
      recorded = null;
      inputData.complete(data);
      return;
    }
    try {
      alignedTarget.triggerOnBarriers(barrier); // aligned in time: no in-flight data
    } finally {
      gate.unblockAll();
    }
  }

  private void abandonCurrent() {
    if (pending == null) {
      return;
    }
    if (recording) {
      inputData.completeExceptionally(
          new CheckpointException(
              "checkpoint " + pending.checkpointId() + " was overtaken by a newer one"));
      recording = false;
      recorded = null;
    } else {
      gate.unblockAll();
    }
    pending = null;
  }
}
