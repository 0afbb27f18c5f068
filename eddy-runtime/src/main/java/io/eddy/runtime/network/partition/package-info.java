/**
 * The producer side of an exchange: a {@link ResultPartition} per producer subtask and edge, with
 * one {@link ResultSubpartition} queue per consumer, named by {@link ResultPartitionId} and
 * published in the {@link PartitionRegistry}, where local and remote consumers find it. Part of the
 * {@code network} layer: it may import the other {@code network} packages and the layers below
 * {@code network}.
 */
package io.eddy.runtime.network.partition;
