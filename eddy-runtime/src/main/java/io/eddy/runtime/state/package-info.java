/**
 * The state backend SPI: a {@link StateBackend}, found by name through {@link StateBackends}
 * ({@code ServiceLoader}, {@code heap} built in), makes each operator instance's {@link
 * KeyedStateBackend} (keyed state and timers per key group) and {@link OperatorStateBackend} (list,
 * union and broadcast state). {@link InternalKvState} and {@link InternalMergingState} are the
 * runtime's namespaced view of keyed state that windows use. Operators and tasks use these
 * interfaces only, never {@code state.heap}. Below {@code network}: it may import {@code storage},
 * {@code snapshot}, {@code keygroup}, {@code graph} and the base packages ({@code streamrecord},
 * {@code time}, {@code rpc}).
 */
package io.eddy.runtime.state;
