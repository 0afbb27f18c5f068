package io.eddy.runtime.network.partitioner;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.streamrecord.StreamRecord;

/** By key group: the consumer subtask that owns the key's key group (DESIGN.md §2). */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
  private final KeySelector<T, K> keySelector;
  private final int maxParallelism;

  public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
    this.keySelector = keySelector;
    this.maxParallelism = maxParallelism;
  }

  @Override
  public int selectChannel(StreamRecord<T> record) {
    K key;
    try {
      key = keySelector.getKey(record.getValue());
    } catch (Exception e) {
      throw new KeyExtractionException(e);
    }
    if (key == null) {
      throw new KeyExtractionException(
          new NullPointerException("The key selector returned null for " + record.getValue()));
    }
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(
        key, maxParallelism, numberOfChannels);
  }

  @Override
  public StreamPartitioner<T> copy() {
    return this;
  }

  @Override
  public String toString() {
    return "HASH";
  }
}
