/**
 * Byte-array views for serializers: {@link DataOutputSerializer} writes into a growable array and
 * {@link DataInputDeserializer} reads a region of one, used by the runtime's network buffers, state
 * snapshots and checkpoint files. Internal to Eddy (public types carry {@code @Internal}): it may
 * import {@code io.eddy.api} and other {@code io.eddy.core} packages, never the runtime.
 */
package io.eddy.core.internal.memory;
