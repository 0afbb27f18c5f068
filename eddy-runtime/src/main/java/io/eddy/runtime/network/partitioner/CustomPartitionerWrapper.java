package io.eddy.runtime.network.partitioner;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.Partitioner;
import io.eddy.runtime.streamrecord.StreamRecord;

/** The user's {@link Partitioner} applied to a key; the result must be a valid channel. */
public final class CustomPartitionerWrapper<T, K> extends StreamPartitioner<T> {
  private final Partitioner<K> partitioner;
  private final KeySelector<T, K> keySelector;

  public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
    this.partitioner = partitioner;
    this.keySelector = keySelector;
  }

  @Override
  public int selectChannel(StreamRecord<T> record) {
    int channel;
    try {
      channel = partitioner.partition(keySelector.getKey(record.getValue()), numberOfChannels);
    } catch (Exception e) {
      throw new KeyExtractionException(e);
    }
    if (channel < 0 || channel >= numberOfChannels) {
      throw new IllegalStateException(
          "The custom partitioner returned channel "
              + channel
              + ", but only 0.."
              + (numberOfChannels - 1)
              + " exist.");
    }
    return channel;
  }

  @Override
  public StreamPartitioner<T> copy() {
    return this;
  }

  @Override
  public String toString() {
    return "CUSTOM";
  }
}
