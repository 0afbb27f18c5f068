package io.eddy.runtime.operators.windowing;

import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.WindowSpec;

/**
 * A window whose input the planner pre-aggregated: its elements arrive as {@link PreAggregated}
 * values, keyed by the key they carry.
 */
public record PreAggregatedWindowSpec(WindowSpec<?, ?, ?> window) implements OperatorSpec {}
