/**
 * The processes of a distributed cluster: {@link JobManagerRunner} assembles a JobManager
 * (dispatcher, JobMasters, resource manager, gRPC control plane, liveness monitor) and {@link
 * TaskManagerRunner} a TaskManager ({@code TaskExecutor}, network memory, Netty data plane, gRPC
 * service), which registers and keeps sending heartbeats ({@link JobManagerHeartbeats}); their
 * settings are {@link JobManagerRunnerConfig} and {@link TaskManagerRunnerConfig}. The top layer of
 * the runtime (ArchitectureTest's LAYERS): it may import every other runtime package; only
 * eddy-dist and tests import it.
 */
package io.eddy.runtime.entrypoint;
