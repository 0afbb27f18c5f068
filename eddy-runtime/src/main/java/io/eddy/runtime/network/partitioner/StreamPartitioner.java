package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;
import java.io.Serializable;

/**
 * Chooses which output channel (consumer subtask, or position within a pointwise group) a record
 * goes to. One instance per producer subtask and edge; used by the task thread only.
 */
public abstract class StreamPartitioner<T> implements Serializable {
  protected int numberOfChannels;

  public void setup(int numberOfChannels) {
    this.numberOfChannels = numberOfChannels;
  }

  /** The channel for {@code record}; not called when {@link #isBroadcast()}. */
  public abstract int selectChannel(StreamRecord<T> record);

  /** Whether every record goes to every channel. */
  public boolean isBroadcast() {
    return false;
  }

  /**
   * Whether a producer subtask connects only to some consumer subtasks (forward, rescale) rather
   * than all of them.
   */
  public boolean isPointwise() {
    return false;
  }

  /** A fresh instance for one producer subtask (partitioners may keep per-subtask state). */
  public abstract StreamPartitioner<T> copy();
}
