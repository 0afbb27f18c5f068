/**
 * Operator (non-keyed) state on the heap: the {@link HeapOperatorStateBackend} with {@link
 * OperatorListState} and {@link HeapBroadcastState}, their snapshot format ({@link
 * OperatorStateFormat}) and the redistribution on restore ({@link OperatorStateRestore}, {@link
 * OperatorStateRedistribution} by {@link OperatorStateKind}: list round-robin, union to all,
 * broadcast from one). Part of the {@code state} layer: it may import the other {@code state}
 * packages, {@code storage}, {@code snapshot} and the layers below them.
 */
package io.eddy.runtime.state.operator;
