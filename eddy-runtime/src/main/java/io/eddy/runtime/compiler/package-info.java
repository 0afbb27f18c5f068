/**
 * Graph compilation on the client (or the JobManager running a jar): the {@link
 * StreamGraphGenerator} turns eddy-core's transformations into a {@link StreamGraph} of {@link
 * StreamNode}s and {@link StreamEdge}s (asking the {@link WindowPreAggregationPlanner} where a
 * pre-aggregation goes), and the {@link JobGraphBuilder} chains it into the {@code graph.JobGraph}
 * that is submitted. Below {@code checkpoint}: it may import {@code task} and every layer under it
 * (it uses {@code operators.windowing} and {@code graph}).
 */
package io.eddy.runtime.compiler;
