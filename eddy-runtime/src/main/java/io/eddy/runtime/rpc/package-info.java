/**
 * The actor-like base of control-plane components: an {@link RpcEndpoint} confines its state to one
 * logical main thread (a {@code SerialExecutor} over a shared pool) and gateway methods hop onto it
 * and return futures. The bottom layer of the runtime (its {@code rpc.grpc} sub-package is a high
 * layer of its own): it imports no other runtime package.
 */
package io.eddy.runtime.rpc;
