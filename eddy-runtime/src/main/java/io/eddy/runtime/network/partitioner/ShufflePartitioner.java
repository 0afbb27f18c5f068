package io.eddy.runtime.network.partitioner;

import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.SplittableRandom;

/** A uniformly random channel per record. */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {
  private final SplittableRandom random = new SplittableRandom();

  @Override
  public int selectChannel(StreamRecord<T> record) {
    return random.nextInt(numberOfChannels);
  }

  @Override
  public StreamPartitioner<T> copy() {
    return new ShufflePartitioner<>();
  }

  @Override
  public String toString() {
    return "SHUFFLE";
  }
}
