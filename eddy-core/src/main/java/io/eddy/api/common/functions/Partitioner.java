package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Chooses the target subtask for a key in {@code partitionCustom}. */
@FunctionalInterface
@Public
public interface Partitioner<K> extends Function {
  int partition(K key, int numPartitions);
}
