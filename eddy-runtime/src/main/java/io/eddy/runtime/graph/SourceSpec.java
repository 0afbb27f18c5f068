package io.eddy.runtime.graph;

import io.eddy.api.connector.source.Source;
import io.eddy.core.dag.ops.OperatorSpec;

/** The operator spec of a source node: its {@link Source}. */
public record SourceSpec<T>(Source<T, ?, ?> source) implements OperatorSpec {}
