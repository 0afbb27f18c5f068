/**
 * The writing end of the data plane and what travels in-band: the {@link RecordWriter} serializes
 * stream elements into buffers of a result partition, routed by the edge's partitioner; {@link
 * CheckpointBarrier} and {@link NetworkEvent} travel as event buffers. Part of the {@code network}
 * layer (below {@code gateway}): it may import the other {@code network} packages, {@code state},
 * {@code storage}, {@code snapshot}, {@code keygroup}, {@code graph} and the base packages ({@code
 * streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.network.api;
