/**
 * Serialization: a {@link TypeSerializer} per edge writes values to a {@link DataOutputView} and
 * reads them from a {@link DataInputView}; the runtime uses the same serializers for network
 * buffers and state snapshots. It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.typeutils;
