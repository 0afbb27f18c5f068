package io.eddy.runtime.graph;

import java.io.Serializable;

/**
 * A data exchange between two job vertices.
 *
 * @param sourceVertex producing vertex index
 * @param outputIndex index among the producer's network outputs
 * @param targetVertex consuming vertex index
 * @param inputIndex index among the consumer's inputs
 * @param pointwise whether producers connect to a subset of consumers (forward, rescale)
 * @param partitionerName for display: FORWARD, HASH, REBALANCE...
 */
public record JobEdge(
    int sourceVertex,
    int outputIndex,
    int targetVertex,
    int inputIndex,
    boolean pointwise,
    String partitionerName)
    implements Serializable {}
