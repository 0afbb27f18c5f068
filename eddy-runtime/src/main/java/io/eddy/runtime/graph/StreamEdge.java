package io.eddy.runtime.graph;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.datastream.OutputTag;
import io.eddy.core.dag.PartitionSpec;

/**
 * A connection between two stream nodes.
 *
 * @param sourceId producing node
 * @param targetId consuming node
 * @param partitioning how records are routed (never null: defaults are resolved)
 * @param outputTag the side output this edge carries, or null for the main output
 * @param serializer serializer of the records on this edge
 */
public record StreamEdge(
    int sourceId,
    int targetId,
    PartitionSpec partitioning,
    OutputTag<?> outputTag,
    TypeSerializer<?> serializer) {}
