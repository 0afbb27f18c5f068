/**
 * One job's control on the JobManager: the {@link JobMaster} is the job's RPC endpoint and hands
 * each concern to a part called on its main thread (most reach it through a small {@code Job}
 * port): {@link JobStatusTransitions} (the only way a job's status changes), {@link TaskDeployer},
 * {@link JobCheckpointing} (owns the checkpoint coordinator), {@link CollectResults}, {@link
 * JobDetailsView} and the {@link RestartController} (regional or whole-job restarts). Below {@code
 * cluster}: it may import {@code scheduler}, {@code source}, {@code checkpoint} and every layer
 * under them; it takes slots through {@code scheduler.SlotProvider}, not the resource manager.
 */
package io.eddy.runtime.jobmaster;
