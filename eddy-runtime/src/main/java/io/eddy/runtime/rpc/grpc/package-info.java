/**
 * The gRPC control plane: client adapters that implement the gateways ({@link
 * GrpcTaskExecutorClient}, {@link GrpcJobMasterClient}, {@link GrpcResourceManagerClient}), the
 * services that delegate to the components ({@link GrpcTaskExecutorService}, {@link
 * GrpcJobMasterService}, {@link GrpcResourceManagerService}, {@link GrpcBlobService}), the codecs
 * that map gateway values to the generated Protobuf messages field by field ({@link
 * DeploymentCodec}, {@link EventCodec}, {@link TaskStateCodec}), channels and servers ({@link
 * ControlPlaneChannels}), and liveness ({@link TaskManagerLivenessMonitor}). Nothing received goes
 * to Java deserialization. Layer with the generated {@code rpc.proto}, below {@code minicluster}:
 * it may import {@code cluster} and every layer under it.
 */
package io.eddy.runtime.rpc.grpc;
