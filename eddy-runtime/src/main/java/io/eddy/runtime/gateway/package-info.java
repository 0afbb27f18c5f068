/**
 * The control plane's interfaces and the values they carry: {@link DispatcherGateway} (clients to
 * the JobManager), {@link JobMasterGateway} (tasks to their JobMaster), {@link TaskExecutorGateway}
 * (JobManager to a TaskManager), with the {@link TaskDeploymentDescriptor}, {@link
 * TaskExecutionState}, {@link ExecutionState}, {@link OperatorEvent}, {@link Slot}, job overviews
 * and details, checkpoint stats and the exceptions that cross them. In-JVM calls and the gRPC
 * adapters implement the same interfaces. Below {@code operators}: it may import {@code network},
 * {@code state}, {@code storage}, {@code snapshot}, {@code graph} and {@code keygroup} and the base
 * packages ({@code streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.gateway;
