/**
 * The logical plan the DataStream API builds: a {@link Transformation} per operation (one input,
 * two inputs, source, sink, partitioning, union, side output) with {@link PartitionSpec} and {@link
 * ChainingStrategy}. The runtime's graph compiler turns it into a stream graph; {@link
 * StreamAccess} gives Eddy's own code the transformation behind an API object. Internal to Eddy
 * (public types carry {@code @Internal}): it may import {@code io.eddy.api} and other {@code
 * io.eddy.core} packages, never the runtime.
 */
package io.eddy.core.dag;
