package io.eddy.runtime.network.input;

import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.network.partition.ResultSubpartition;

/**
 * Reads a subpartition of a producer in the same JVM directly from its queue. The producer may
 * start after the consumer: the channel connects when the partition is registered.
 */
public final class LocalInputChannel implements InputChannel {
  private final PartitionRegistry registry;
  private final ResultPartitionId partitionId;
  private final int subpartitionIndex;
  private volatile ResultSubpartition subpartition;

  public LocalInputChannel(
      PartitionRegistry registry, ResultPartitionId partitionId, int subpartitionIndex) {
    this.registry = registry;
    this.partitionId = partitionId;
    this.subpartitionIndex = subpartitionIndex;
  }

  @Override
  public void start(InputGate gate, int channelIndex) {
    registry
        .lookup(partitionId)
        .thenAccept(
            partition -> {
              ResultSubpartition s = partition.getSubpartition(subpartitionIndex);
              subpartition = s;
              s.setListener(
                  new io.eddy.runtime.network.partition.BufferAvailabilityListener() {
                    @Override
                    public void notifyDataAvailable() {
                      gate.notifyChannelNonEmpty(channelIndex);
                    }

                    @Override
                    public void notifyPriorityEvent() {
                      gate.notifyPriorityEvent(channelIndex);
                    }
                  });
            });
  }

  @Override
  public Buffer poll() {
    ResultSubpartition s = subpartition;
    return s == null ? null : s.poll();
  }

  @Override
  public Buffer pollPriorityEvent() {
    ResultSubpartition s = subpartition;
    return s == null ? null : s.pollPriorityEvent();
  }

  @Override
  public void release() {
    ResultSubpartition s = subpartition;
    if (s != null) {
      s.release();
    }
  }

  @Override
  public String toString() {
    return "LocalInputChannel(" + partitionId + "#" + subpartitionIndex + ")";
  }
}
