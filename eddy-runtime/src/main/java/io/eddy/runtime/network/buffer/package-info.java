/**
 * Network memory: the TaskManager's {@link NetworkBufferPool} of fixed-size segments and the
 * per-output {@link LocalBufferPool}s drawn from it; a {@link Buffer} goes back to its {@link
 * BufferRecycler} when its consumer is done. An empty local pool is how backpressure arises. Part
 * of the {@code network} layer; it imports nothing of the runtime.
 */
package io.eddy.runtime.network.buffer;
