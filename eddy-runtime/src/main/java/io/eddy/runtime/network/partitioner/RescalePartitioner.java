package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;

/** Round robin over the channels of this producer's pointwise group. */
public final class RescalePartitioner<T> extends StreamPartitioner<T> {
  private int next;

  @Override
  public int selectChannel(StreamRecord<T> record) {
    int channel = next;
    next = channel + 1 == numberOfChannels ? 0 : channel + 1;
    return channel;
  }

  @Override
  public boolean isPointwise() {
    return true;
  }

  @Override
  public StreamPartitioner<T> copy() {
    return new RescalePartitioner<>();
  }

  @Override
  public String toString() {
    return "RESCALE";
  }
}
