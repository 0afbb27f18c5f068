package io.eddy.runtime.graph;

import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.connector.source.Source;
import io.eddy.core.dag.ops.OperatorSpec;

/**
 * The operator spec of a source node: its {@link Source} and the watermark strategy its readers
 * apply (null: none).
 */
public record SourceSpec<T>(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy)
    implements OperatorSpec {

  public SourceSpec(Source<T, ?, ?> source) {
    this(source, null);
  }
}
