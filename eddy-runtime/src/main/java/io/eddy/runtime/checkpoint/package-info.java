/**
 * The JobManager side of checkpoints: the {@link CheckpointCoordinator} routes the JobMaster's
 * calls to its parts ({@link CheckpointTrigger}, {@link PendingCheckpoints}, {@link
 * CheckpointFinalizer}, {@link CheckpointFailureManager}, {@link CheckpointStatsTracker}), all on
 * an injected clock; it sees the job through the {@link CheckpointParticipants} port and keeps
 * checkpoints in a {@code storage.CheckpointStorage}. {@link StateAssignment} hands a completed
 * checkpoint's state to the subtasks at any parallelism. Below {@code source}: it may import {@code
 * compiler} and every layer under it.
 */
package io.eddy.runtime.checkpoint;
