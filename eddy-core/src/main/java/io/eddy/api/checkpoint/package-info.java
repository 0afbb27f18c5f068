/**
 * Checkpointing as users see it: the {@link CheckpointConfig} of {@code env.getCheckpointConfig()}
 * with its {@link CheckpointingMode}, and the function interfaces that take part in checkpoints,
 * {@link CheckpointedFunction} (registering state in a {@link FunctionInitializationContext}) and
 * {@link CheckpointListener}. It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.checkpoint;
