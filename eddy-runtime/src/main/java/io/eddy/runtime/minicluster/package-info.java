/**
 * The embedded cluster: {@link MiniCluster} runs a JobManager and N TaskManagers in one JVM with
 * the same dispatcher, scheduler, tasks and serialized exchange as a distributed cluster; only the
 * transports differ ({@link MiniClusterConfig} picks direct or gRPC in-process control calls,
 * {@link EmbeddedGrpcControlPlane}, and local or Netty data channels). Below {@code client}: it may
 * import {@code rpc.grpc}, {@code cluster} and every layer under them.
 */
package io.eddy.runtime.minicluster;
