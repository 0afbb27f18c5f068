package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;

/** Subtask i to subtask i: the only channel. */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {
  @Override
  public int selectChannel(StreamRecord<T> record) {
    return 0;
  }

  @Override
  public boolean isPointwise() {
    return true;
  }

  @Override
  public StreamPartitioner<T> copy() {
    return this;
  }

  @Override
  public String toString() {
    return "FORWARD";
  }
}
