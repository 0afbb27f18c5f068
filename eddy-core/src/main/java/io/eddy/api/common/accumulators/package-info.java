/**
 * Accumulators: an {@link Accumulator} per parallel instance, merged over all instances into the
 * job's result; {@link IntCounter} and {@link LongCounter} are the built-in ones (and the only ones
 * that cross the gRPC control plane). It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.accumulators;
