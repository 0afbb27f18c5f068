package io.eddy.runtime.state;

import io.eddy.api.common.state.KeyedStateFunction;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The keyed state of one operator instance: every state of every key of the instance's key-group
 * range, scoped to the current key, and the timers, stored and snapshotted per key group so that a
 * restore at another parallelism takes whole key groups. Made by a {@link StateBackend}; the heap
 * implementation is {@code io.eddy.runtime.state.heap.HeapKeyedStateBackend}.
 *
 * <p>Threading: the task thread only (the operator's mailbox thread), except that the {@link
 * StateWriter} a {@link #snapshot} returns is written by the checkpoint I/O thread while the task
 * goes on; the backend keeps that snapshot consistent (copy-on-write or versions). No method
 * blocks, but {@link #restore} reads files.
 *
 * <p>Order of calls: {@link #restore} (at most once, before any state is registered), then states
 * and timers are registered and used, {@link #setCurrentKey} before each record or timer.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> {
  /** The key groups this instance holds. */
  KeyGroupRange getKeyGroupRange();

  /** The job's max parallelism (the number of key groups). */
  int getMaxParallelism();

  /**
   * Makes {@code key} the current key: states read and write its values from now on.
   *
   * @throws IllegalStateException if the key's key group is not in this backend's range
   */
  void setCurrentKey(K key);

  /** The current key, or null before the first {@link #setCurrentKey}. */
  K getCurrentKey();

  /** The key group of the current key, relative to the start of {@link #getKeyGroupRange()}. */
  int getCurrentKeyGroupIndex();

  /**
   * The user state {@code descriptor} describes, created on first use (restored values included).
   * Registering the same name with another kind or serializer is an error.
   */
  <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor);

  /**
   * An internal value state of the runtime's own operators (running reduce or aggregation), created
   * on first use (restored values included); {@code serializer} writes its values in snapshots
   * (null: the backend is not snapshotted).
   */
  <V> ValueState<V> getValueState(String name, TypeSerializer<V> serializer);

  /**
   * Calls {@code function} for every key with a value in the state {@code descriptor} names, with
   * that key as the current key; the current key is restored afterwards.
   */
  <S extends State> void applyToAllKeys(
      StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception;

  /**
   * Takes a snapshot of every state and of the given timer queues (by name): on the task thread
   * only what is needed to make it consistent; the returned writer serializes it on any thread and
   * must be written or released.
   */
  StateWriter snapshot(Map<String, KeyGroupedTimerQueue<K>> timerQueues);

  /**
   * Reads this instance's key groups from the keyed state files at {@code locations} (written by
   * this backend's kind; their ranges do not overlap); states are restored as they are registered.
   *
   * @throws IOException naming the file, if one is missing, damaged or does not match the backend
   */
  void restore(List<String> locations) throws IOException;

  /**
   * Adds the restored timers of the queue named {@code name} to {@code queue}; returns whether
   * there were any.
   */
  boolean restoreTimers(String name, KeyGroupedTimerQueue<K> queue);

  /**
   * Frees what the backend holds besides Java objects (native memory, local files) when its
   * operator is closed, after a failure or cancellation too; writers of snapshots taken before stay
   * usable until released. No state may be used afterwards. Idempotent; task thread. Default:
   * nothing (the heap backend holds Java objects only).
   */
  default void dispose() {}

  /**
   * Whether a value state hands out the stored object itself, so a change made to it in place is
   * stored without {@code update} (the heap backend). Default false: values are copies (a backend
   * that serializes, such as RocksDB), and a changed value must be written back.
   */
  default boolean storesValuesByReference() {
    return false;
  }
}
