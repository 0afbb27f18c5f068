/**
 * The parallel form of a job and what the JobMaster decides with it: the {@link ExecutionGraph} of
 * {@link ExecutionVertex} subtasks and their attempts and deployment descriptors, the {@link
 * PipelinedRegions} that restart together, {@link ParallelismCap} for a restart with fewer slots,
 * {@link JobStateRestore} (which checkpoint the next attempts restore), the job's {@link
 * SourceCoordinators}, the {@link CollectBuffer}, and the {@link SlotProvider} port through which a
 * JobMaster takes slots. Below {@code jobmaster}: it may import {@code source}, {@code checkpoint}
 * and every layer under them.
 */
package io.eddy.runtime.scheduler;
