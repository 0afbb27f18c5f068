package io.eddy.api.common.functions;

/** Chooses the target subtask for a key in {@code partitionCustom}. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
  int partition(K key, int numPartitions);
}
