package io.eddy.runtime.task;

import io.eddy.runtime.network.api.CheckpointBarrier;

/**
 * Decides when the barriers a task received on its input channels complete its part of a
 * checkpoint. Channels that ended count as having delivered every later barrier. Task thread only.
 */
interface CheckpointBarrierHandler {
  /** Called with the barrier once the task may snapshot its state for it. */
  @FunctionalInterface
  interface Target {
    void triggerOnBarriers(CheckpointBarrier barrier) throws Exception;
  }

  void processBarrier(CheckpointBarrier barrier, int channel) throws Exception;

  /**
   * A barrier that overtook {@code overtaken}: data buffers of {@code channel} that had already
   * left the producer (a remote channel's received buffers). Only unaligned checkpoints send such
   * barriers; the data is part of the checkpoint's in-flight input.
   */
  default void processBarrier(
      CheckpointBarrier barrier, int channel, java.util.List<byte[]> overtaken) throws Exception {
    if (!overtaken.isEmpty()) {
      throw new IllegalStateException(
          "A barrier overtook data, but checkpoint " + barrier.checkpointId() + " is aligned");
    }
    processBarrier(barrier, channel);
  }

  void processEndOfPartition(int channel) throws Exception;

  /** A buffer of {@code channel} is about to be processed (unaligned handlers record it). */
  default void onBuffer(int channel, io.eddy.runtime.network.buffer.Buffer buffer) {}
}
