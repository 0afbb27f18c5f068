package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;

/** Every record to every channel. */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {
  @Override
  public int selectChannel(StreamRecord<T> record) {
    throw new UnsupportedOperationException("Broadcast writes to all channels");
  }

  @Override
  public boolean isBroadcast() {
    return true;
  }

  @Override
  public StreamPartitioner<T> copy() {
    return this;
  }

  @Override
  public String toString() {
    return "BROADCAST";
  }
}
