/**
 * Timers of keyed operators: an {@link InternalTimerService} keeps event-time and processing-time
 * {@link InternalTimer}s per (key, namespace, timestamp), deduplicated, in a {@link
 * KeyGroupedTimerQueue} per time domain (per key group for snapshots and rescaling, one heap for
 * order), and fires them into a {@link Triggerable} on the task thread. Part of the {@code state}
 * layer, since timers are snapshotted with keyed state: it may import the other {@code state}
 * packages, {@code storage}, {@code snapshot}, {@code graph} and {@code keygroup} and the base
 * packages ({@code streamrecord}, {@code time}, {@code rpc}).
 */
package io.eddy.runtime.state.timers;
