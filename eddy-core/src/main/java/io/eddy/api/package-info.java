/**
 * The entry point of the DataStream API: the {@link StreamExecutionEnvironment} where a job is
 * defined and started, the {@link JobClient} of a submitted job with its {@link JobStatus} and
 * {@link JobExecutionResult}, and the {@link TimerService} of process functions. The environment
 * builds the transformations of {@code io.eddy.core.dag} and hands the pipeline to a {@code
 * PipelineExecutor} the runtime provides. It may import other {@code io.eddy.api} packages, and
 * {@code io.eddy.core} only inside method bodies and private members: no public or protected
 * signature names a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}); nothing
 * in eddy-core imports the runtime.
 */
package io.eddy.api;
