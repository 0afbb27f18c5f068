/**
 * The runtime's operators (users write functions; the runtime owns operators): the {@link
 * StreamOperator} lifecycle, {@link AbstractStreamOperator} and {@link AbstractUdfStreamOperator},
 * the one-input operators (map, filter, process, keyed reduce and aggregations, sources, sinks,
 * timestamps and watermarks), chain outputs ({@link ChainingOutput}, {@link RecordWriterOutput}),
 * and {@link FunctionContextSupport} behind every function context. An operator gets its keyed and
 * operator state backends and the {@link OperatorEventGateway} port in its {@link OperatorSetup}.
 * Task thread only, no locks. Below {@code task}: it may import {@code gateway}, {@code network},
 * {@code state}, {@code storage}, {@code snapshot}, {@code graph} and {@code keygroup} and the base
 * packages ({@code streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.operators;
