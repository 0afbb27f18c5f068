/**
 * Keyed and operator state as users see it: {@link ValueState}, {@link ListState}, {@link
 * MapState}, {@link ReducingState}, {@link AggregatingState} and their descriptors, with {@link
 * StateTtlConfig}; {@link BroadcastState} and {@link OperatorStateStore} for non-keyed state; the
 * choice of a job's state backend, {@link HashMapStateBackend} or {@link
 * EmbeddedRocksDBStateBackend} ({@link StateBackendSettings}). The runtime's state backends
 * implement them; keyed state is scoped to the current key, and all state is used on the task
 * thread only. It may import {@code io.eddy.api.annotation} and other {@code io.eddy.api} packages;
 * no public signature names a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}),
 * and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.state;
