/**
 * The checkpoint storage SPI: {@link CheckpointStorage} is the JobManager's side of a job's
 * checkpoints (start, complete with atomic metadata, retain, discard, savepoint copies), {@link
 * CheckpointStreamFactory} a subtask's writer of state files; a {@link CheckpointStorageFactory}
 * per URI scheme is found through {@code ServiceLoader} by {@link CheckpointStorages}, with the
 * file system built in ({@link FsCheckpointStorage}). File names inside a checkpoint belong to
 * {@link StateLocations}; {@link CheckpointMetadata} is the {@code _metadata} file. Below {@code
 * state}: it may import {@code keygroup}, {@code snapshot}, {@code graph} and the base packages
 * ({@code streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.storage;
