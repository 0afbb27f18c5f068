package io.eddy.runtime.task;

import io.eddy.runtime.network.api.CheckpointBarrier;

/**
 * At-least-once: barriers are counted but channels never blocked, so records after a barrier on a
 * fast channel may be in the snapshot's state and be replayed after a restore (duplicates, no
 * loss). The task snapshots when the checkpoint's barrier arrived on every channel that has not
 * ended. A newer checkpoint's barrier abandons the count of an older one.
 */
final class AtLeastOnceBarrierHandler implements CheckpointBarrierHandler {
  private final Target target;
  private final boolean[] received;
  private final boolean[] ended;
  private long currentCheckpointId = -1;
  private CheckpointBarrier pending;

  AtLeastOnceBarrierHandler(int numChannels, Target target) {
    this.target = target;
    this.received = new boolean[numChannels];
    this.ended = new boolean[numChannels];
  }

  @Override
  public void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
    long id = barrier.checkpointId();
    if (id < currentCheckpointId || (id == currentCheckpointId && pending == null)) {
      return;
    }
    if (id > currentCheckpointId) {
      java.util.Arrays.fill(received, false);
      currentCheckpointId = id;
      pending = barrier;
    }
    received[channel] = true;
    completeIfAll();
  }

  @Override
  public void processEndOfPartition(int channel) throws Exception {
    ended[channel] = true;
    if (pending != null) {
      completeIfAll();
    }
  }

  private void completeIfAll() throws Exception {
    for (int c = 0; c < received.length; c++) {
      if (!received[c] && !ended[c]) {
        return;
      }
    }
    CheckpointBarrier barrier = pending;
    pending = null;
    target.triggerOnBarriers(barrier);
  }
}
