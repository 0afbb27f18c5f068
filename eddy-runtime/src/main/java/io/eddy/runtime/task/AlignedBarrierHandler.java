package io.eddy.runtime.task;

import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.input.InputGate;

/**
 * Exactly-once alignment: a channel that delivered the barrier of the checkpoint in progress is
 * blocked, so none of its records after the barrier reach the operators, until every other channel
 * delivered it too (or ended). Then the task snapshots, and the channels are released. A barrier of
 * a newer checkpoint abandons the alignment in progress (that checkpoint is then incomplete here
 * and the JobManager aborts it); barriers of older checkpoints are ignored.
 */
final class AlignedBarrierHandler implements CheckpointBarrierHandler {
  private final InputGate gate;
  private final Target target;
  private final boolean[] received;
  private final boolean[] ended;
  private int numEnded;
  private int numReceived;
  private long currentCheckpointId = -1;
  private CheckpointBarrier pending;

  AlignedBarrierHandler(InputGate gate, Target target) {
    this.gate = gate;
    this.target = target;
    this.received = new boolean[gate.getNumberOfChannels()];
    this.ended = new boolean[gate.getNumberOfChannels()];
  }

  @Override
  public void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
    long id = barrier.checkpointId();
    if (id < currentCheckpointId || (id == currentCheckpointId && pending == null)) {
      return; // of an abandoned or finished alignment
    }
    if (id > currentCheckpointId) {
      if (pending != null) {
        releaseAll(); // a newer checkpoint overtook the one being aligned: give that one up
      }
      currentCheckpointId = id;
      pending = barrier;
    }
    if (!received[channel]) {
      received[channel] = true;
      numReceived++;
      gate.blockChannel(channel);
    }
    completeIfAligned();
  }

  @Override
  public void processEndOfPartition(int channel) throws Exception {
    ended[channel] = true;
    numEnded++;
    if (pending != null) {
      completeIfAligned();
    }
  }

  private void completeIfAligned() throws Exception {
    int aligned = numReceived;
    for (int c = 0; c < ended.length; c++) {
      if (ended[c] && !received[c]) {
        aligned++;
      }
    }
    if (aligned < received.length) {
      return;
    }
    CheckpointBarrier barrier = pending;
    // Snapshot before releasing: no record after the barrier may reach an operator first.
    try {
      target.triggerOnBarriers(barrier);
    } finally {
      releaseAll();
    }
  }

  private void releaseAll() {
    pending = null;
    numReceived = 0;
    java.util.Arrays.fill(received, false);
    gate.unblockAll();
  }
}
