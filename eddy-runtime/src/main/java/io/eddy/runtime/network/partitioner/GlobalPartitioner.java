package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;

/** Everything to the first consumer subtask. */
public final class GlobalPartitioner<T> extends StreamPartitioner<T> {
  @Override
  public int selectChannel(StreamRecord<T> record) {
    return 0;
  }

  @Override
  public StreamPartitioner<T> copy() {
    return this;
  }

  @Override
  public String toString() {
    return "GLOBAL";
  }
}
