package io.eddy.runtime.network.partitioner;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.Partitioner;
import io.eddy.core.dag.PartitionSpec;

/** Creates the partitioner an edge's {@link PartitionSpec} asks for. */
public final class Partitioners {
  private Partitioners() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> StreamPartitioner<T> create(PartitionSpec spec, int consumerMaxParallelism) {
    return switch (spec.kind()) {
      case FORWARD -> new ForwardPartitioner<>();
      case KEY_GROUPS ->
          new KeyGroupStreamPartitioner<>((KeySelector) spec.keySelector(), consumerMaxParallelism);
      case REBALANCE -> new RebalancePartitioner<>();
      case RESCALE -> new RescalePartitioner<>();
      case BROADCAST -> new BroadcastPartitioner<>();
      case SHUFFLE -> new ShufflePartitioner<>();
      case GLOBAL -> new GlobalPartitioner<>();
      case CUSTOM ->
          new CustomPartitionerWrapper<>(
              (Partitioner) spec.partitioner(), (KeySelector) spec.keySelector());
    };
  }
}
