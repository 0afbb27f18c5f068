/**
 * Which channel a record goes to: {@link StreamPartitioner} and its forward, rebalance, rescale,
 * broadcast, shuffle, global, custom and key-group ({@link KeyGroupStreamPartitioner})
 * implementations, made by {@link Partitioners} from an edge's {@code PartitionSpec}. Part of the
 * {@code network} layer: it may import the other {@code network} packages and the layers below
 * {@code network}.
 */
package io.eddy.runtime.network.partitioner;
