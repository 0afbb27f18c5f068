package io.eddy.runtime.compiler;

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
 * @param typeNumber which input of the target the edge feeds: 0 for a one-input operator, 1 or 2
 *     for the first or second input of a two-input operator
 */
public record StreamEdge(
    int sourceId,
    int targetId,
    PartitionSpec partitioning,
    OutputTag<?> outputTag,
    TypeSerializer<?> serializer,
    int typeNumber) {

  /** An edge into a one-input operator. */
  public StreamEdge(
      int sourceId,
      int targetId,
      PartitionSpec partitioning,
      OutputTag<?> outputTag,
      TypeSerializer<?> serializer) {
    this(sourceId, targetId, partitioning, outputTag, serializer, 0);
  }
}
