/**
 * The cluster's long-lived services: the {@link Dispatcher} accepts jobs and runs a JobMaster per
 * job, the {@link ResourceManager} knows the TaskManagers and lends their slots (it is the
 * JobMasters' {@code SlotProvider}), the {@link TaskExecutor} is a TaskManager's service that runs
 * deployed subtasks, and the {@link LibraryCache} holds each job's class loader and jars. Below
 * {@code rpc.grpc}: it may import {@code jobmaster} and every layer under it; the transports above
 * reach it through the gateways.
 */
package io.eddy.runtime.cluster;
