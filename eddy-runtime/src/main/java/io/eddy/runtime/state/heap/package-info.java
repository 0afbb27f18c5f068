/**
 * The heap state backend ({@link HeapStateBackend}, named {@code heap}): {@link
 * HeapKeyedStateBackend} keeps each state in a {@code StateTable} of one {@code StateMap} per key
 * group, with TTL ({@link TtlPolicy}, {@link TtlValue}) and copy-on-write snapshots ({@link
 * HeapKeyedStateSnapshot}, format {@code KeyedStateSnapshotFormat}) restored lazily per state
 * ({@link HeapKeyedStateRestore}). Nothing outside this package names it (an ArchUnit rule). Part
 * of the {@code state} layer: it may import the other {@code state} packages, {@code storage},
 * {@code snapshot}, {@code keygroup}, {@code graph} and the base packages ({@code streamrecord},
 * {@code time}, {@code rpc}).
 */
package io.eddy.runtime.state.heap;
