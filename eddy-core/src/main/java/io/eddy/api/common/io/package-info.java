/**
 * {@link SimpleVersionedSerializer}: the versioned serializer of control-plane objects (splits,
 * enumerator checkpoints, committables) whose version travels with the bytes. It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.common.io;
