/**
 * What a checkpoint is made of, independent of backend and storage: an operator's {@link
 * OperatorSnapshot} (its {@link StateWriter}s, taken on the task thread and written later), the
 * {@link StateFileHandle}s of written files, the {@link RestoredState} a subtask restores from, the
 * in-flight {@link ChannelState} of unaligned checkpoints, the {@link SnapshotType}, and the {@link
 * ChecksummedEnvelope} around checkpoint files. Below {@code storage}: it may import {@code graph}
 * and the base packages ({@code streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.snapshot;
