package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.KeyedStateFunction;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.RegisteredState;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.state.ttl.TtlTimeProvider;
import io.eddy.runtime.state.ttl.TtlTimeProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keyed state on the Java heap, organised by key group so that it can be snapshotted and moved per
 * key group. The operator sets the current key before each record; state objects then read and
 * write the value of that key. Task thread only.
 *
 * <p>User state ({@link #getOrCreateKeyedState}) is created once per name and cached; asking again
 * with the same name returns the same object. Values are stored as objects, not serialized, so a
 * user must not mutate an object after storing it unless it is stored again. State with a time to
 * live reads the backend's {@link TtlTimeProvider}.
 *
 * <p>Checkpoints: {@link #snapshot} freezes all states and the given timer queues, which its writer
 * serializes on another thread while the task goes on (copy-on-write, see {@link
 * HeapKeyedStateSnapshot}). {@link #restore} reads the restore files' key groups of this backend's
 * range but decodes nothing: user functions register their states in open() or later, and only then
 * are their serializers known. So each state is decoded when it is first registered (by name), each
 * timer queue when the timer service asks for it ({@link #restoreTimers}); what is never registered
 * is carried over into later snapshots as it was read.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final TtlTimeProvider ttlTimeProvider;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer = new NamespaceSerializer();
  private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
  private final Map<String, RegisteredState<State>> userStates = new HashMap<>();
  private final SnapshotVersions snapshotVersions = new SnapshotVersions();
  private K currentKey;
  private int currentKeyHash;
  private int currentKeyGroupIndex;

  /** What {@link #restore} read and no state or timer queue has claimed yet; null if none. */
  private RestoredKeyGroups restored;

  /** A backend whose TTL clock is {@link TtlTimeProviders#installed()}. */
  public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
    this(keyGroupRange, maxParallelism, TtlTimeProviders.installed());
  }

  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int maxParallelism, TtlTimeProvider ttlTimeProvider) {
    this(keyGroupRange, maxParallelism, ttlTimeProvider, null);
  }

  /**
   * A backend that can take part in checkpoints: {@code keySerializer} writes and reads its keys
   * ({@link #snapshot}, {@link #restore}).
   */
  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int maxParallelism, TypeSerializer<K> keySerializer) {
    this(keyGroupRange, maxParallelism, TtlTimeProviders.installed(), keySerializer);
  }

  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      TtlTimeProvider ttlTimeProvider,
      TypeSerializer<K> keySerializer) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.ttlTimeProvider = ttlTimeProvider;
    this.keySerializer = keySerializer == null ? null : keySerializer.duplicate();
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public void setCurrentKey(K key) {
    int hash = key.hashCode();
    int keyGroup = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException(
          "Key "
              + key
              + " belongs to key group "
              + keyGroup
              + ", which this subtask does not own "
              + keyGroupRange
              + ". Its hashCode() may differ between JVMs (enum, array or identity hash).");
    }
    this.currentKey = key;
    this.currentKeyHash = hash;
    this.currentKeyGroupIndex = keyGroup - keyGroupRange.start();
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  int getCurrentKeyHash() {
    return currentKeyHash;
  }

  /** The key group of the current key, relative to the start of the backend's range. */
  @Override
  public int getCurrentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  /**
   * The internal value state named {@code name}, created on first use; it has no serializer, so the
   * backend cannot be snapshotted while it exists.
   */
  public <V> HeapValueState<K, V> getValueState(String name) {
    return getValueState(name, null);
  }

  /**
   * The internal value state named {@code name}, created on first use (restored values included);
   * {@code serializer} writes its values in snapshots.
   */
  @SuppressWarnings("unchecked")
  @Override
  public <V> HeapValueState<K, V> getValueState(String name, TypeSerializer<V> serializer) {
    HeapValueState<K, V> state = (HeapValueState<K, V>) states.get(name);
    if (state == null) {
      state = new HeapValueState<>(this, name, serializer, keyGroupRange.size());
      states.put(name, state);
      if (serializer != null) {
        restoreState(name, state.table, new StoredValueCodec(serializer), null);
      }
    }
    return state;
  }

  /**
   * The user state {@code descriptor} names, created on first use. The same name with another kind
   * of state or another type is an {@link IllegalStateException}.
   */
  @SuppressWarnings("unchecked")
  @Override
  public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
    RegisteredState<State> registered = userStates.get(descriptor.getName());
    if (registered == null) {
      registered = new RegisteredState<>(descriptor, createState(descriptor));
      userStates.put(descriptor.getName(), registered);
      AbstractHeapState<K, ?> state = (AbstractHeapState<K, ?>) registered.state();
      restoreState(descriptor.getName(), state.table, new StoredValueCodec(descriptor), state.ttl);
    } else {
      registered.checkCompatible(descriptor);
    }
    return (S) registered.state();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private State createState(StateDescriptor<?, ?> descriptor) {
    String name = descriptor.getName();
    TtlPolicy ttl = TtlPolicy.of(descriptor.getTtlConfig(), ttlTimeProvider);
    // copies stored objects that change in place while a snapshot shares them (task thread)
    StateMap.Copier copier = new StoredValueCodec(descriptor).copier(ttl != null);
    return switch (descriptor.getType()) {
      case VALUE ->
          new HeapKeyedValueState<>(
              this, name, ttl, copier, ((ValueStateDescriptor<?>) descriptor).getDefaultValue());
      case LIST -> new HeapListState<>(this, name, ttl, copier);
      case MAP -> new HeapMapState<>(this, name, ttl, copier);
      case REDUCING ->
          new HeapReducingState<>(
              this, name, ttl, copier, ((ReducingStateDescriptor) descriptor).getReduceFunction());
      case AGGREGATING ->
          new HeapAggregatingState<>(
              this,
              name,
              ttl,
              copier,
              ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
    };
  }

  // ---------------------------------------------------------------- snapshots

  @Override
  public int getMaxParallelism() {
    return maxParallelism;
  }

  /** The descriptors of the registered user states, sorted by name (for snapshots). */
  SortedMap<String, StateDescriptor<?, ?>> registeredDescriptors() {
    SortedMap<String, StateDescriptor<?, ?>> result = new TreeMap<>();
    userStates.forEach((name, registered) -> result.put(name, registered.descriptor()));
    return result;
  }

  /** The registered user state named {@code name}, or null. */
  AbstractHeapState<K, ?> registeredState(String name) {
    RegisteredState<State> registered = userStates.get(name);
    return registered == null ? null : (AbstractHeapState<K, ?>) registered.state();
  }

  /** The internal value states ({@link #getValueState}). */
  Collection<HeapValueState<K, ?>> internalValueStates() {
    return Collections.unmodifiableCollection(states.values());
  }

  /** The versions of this backend's snapshots, for copy-on-write of the stored objects. */
  SnapshotVersions snapshotVersions() {
    return snapshotVersions;
  }

  /** What was restored and not claimed yet, or null. */
  RestoredKeyGroups restoredKeyGroups() {
    return restored;
  }

  /**
   * Snapshots all states (also those restored but not registered yet) and the timers of {@code
   * timerQueues} (by name). Task thread only; the result may be written by any thread, and must be
   * written or {@link HeapKeyedStateSnapshot#release released}, else the task thread goes on
   * copying stored objects for it.
   *
   * @throws IllegalStateException if the backend has no key serializer
   */
  @Override
  public HeapKeyedStateSnapshot snapshot(Map<String, KeyGroupedTimerQueue<K>> timerQueues) {
    return HeapKeyedStateSnapshot.take(
        this, timerQueues, requireKeySerializer(), namespaceSerializer);
  }

  /**
   * Reads the key groups of this backend's range from the keyed state snapshot {@code files} (whose
   * ranges must not overlap each other, as those of one checkpoint); states are then restored as
   * they are registered. Call once, before any state is registered.
   *
   * @throws IOException naming the file, if one is missing, damaged or does not match the backend
   */
  @Override
  public void restore(List<String> files) throws IOException {
    if (restored != null || !userStates.isEmpty() || !states.isEmpty()) {
      throw new IllegalStateException("Restore into a fresh backend only, and only once.");
    }
    requireKeySerializer();
    List<KeyedStateFile> read = new ArrayList<>(files.size());
    for (String file : files) {
      KeyedStateFile f = KeyedStateFile.read(file, keyGroupRange);
      checkCompatible(f);
      read.add(f);
    }
    restored = RestoredKeyGroups.of(read, keyGroupRange);
  }

  private void checkCompatible(KeyedStateFile file) throws IOException {
    String problem = null;
    if (file.maxParallelism != maxParallelism) {
      problem =
          "its max parallelism is " + file.maxParallelism + ", the job's is " + maxParallelism;
    } else if (!file.keySerializerClass.equals(keySerializer.getClass().getName())) {
      problem =
          "its key serializer is "
              + file.keySerializerClass
              + ", not "
              + keySerializer.getClass().getName();
    } else if (!file.namespaceSerializerClass.isEmpty()
        && !file.namespaceSerializerClass.equals(namespaceSerializer.getClass().getName())) {
      problem = "its namespace serializer is " + file.namespaceSerializerClass;
    }
    if (problem != null) {
      throw new IOException("Cannot restore keyed state from " + file.file + ": " + problem);
    }
  }

  /**
   * Adds the restored timers of the queue named {@code name} to {@code queue} (key group indexes
   * relative to this backend's range); returns whether there were any restored timers of that name.
   */
  @Override
  public boolean restoreTimers(String name, KeyGroupedTimerQueue<K> queue) {
    RestoredKeyGroups.Pending pending = restored == null ? null : restored.claimTimers(name);
    if (pending == null) {
      return false;
    }
    KeyGroupSectionReader<K> reader = sectionReader();
    try {
      for (int g = 0; g < keyGroupRange.size(); g++) {
        byte[] section = pending.sections()[g];
        if (section != null) {
          reader.readTimers(section, keyGroupRange.start() + g, queue);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot restore the timers '" + name + "' from " + pending.origin() + ": " + e, e);
    }
    return true;
  }

  /** Loads the restored entries of state {@code name}, just created, into {@code table}. */
  private void restoreState(
      String name, StateTable<?, ?> table, StoredValueCodec codec, TtlPolicy ttl) {
    RestoredKeyGroups.Pending pending = restored == null ? null : restored.claimState(name);
    if (pending == null) {
      return;
    }
    SnapshotStateMetaInfo recorded = pending.meta();
    SnapshotStateMetaInfo expected = codec.metaInfo(name, recorded.ttl());
    if (!expected.equals(recorded)) {
      throw new IllegalStateException(
          "State '"
              + name
              + "' was checkpointed as "
              + recorded
              + " (in "
              + pending.origin()
              + ") and cannot be restored as "
              + expected
              + ": a state must keep its kind and types across restores.");
    }
    KeyGroupSectionReader<K> reader = sectionReader();
    try {
      for (int g = 0; g < keyGroupRange.size(); g++) {
        byte[] section = pending.sections()[g];
        if (section != null) {
          reader.readState(section, keyGroupRange.start() + g, table, codec, recorded.ttl(), ttl);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot restore state '" + name + "' from " + pending.origin() + ": " + e, e);
    }
  }

  private KeyGroupSectionReader<K> sectionReader() {
    return new KeyGroupSectionReader<>(
        keySerializer, namespaceSerializer, maxParallelism, keyGroupRange.start());
  }

  private TypeSerializer<K> requireKeySerializer() {
    if (keySerializer == null) {
      throw new IllegalStateException(
          "This keyed state backend has no key serializer: it cannot take part in checkpoints.");
    }
    return keySerializer;
  }

  // ---------------------------------------------------------------- visiting all keys

  /**
   * Calls {@code function} for every key that has a value in the state {@code descriptor} names,
   * with that key as the current key, so it may read, update or clear the value. The keys are
   * collected first, so changes during the visit are safe. The current key is restored afterwards.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public <S extends State> void applyToAllKeys(
      StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception {
    S state = getOrCreateKeyedState(descriptor);
    K previous = currentKey;
    try {
      for (K key : ((AbstractHeapState<K, ?>) (AbstractHeapState) state).storedKeys()) {
        setCurrentKey(key);
        function.process(key, state);
      }
    } finally {
      if (previous != null) {
        setCurrentKey(previous);
      }
    }
  }

  /** Values live on the heap as objects: a change made in place is stored. */
  @Override
  public boolean storesValuesByReference() {
    return true;
  }
}
