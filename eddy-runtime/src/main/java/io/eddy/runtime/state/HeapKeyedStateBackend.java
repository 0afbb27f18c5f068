package io.eddy.runtime.state;

import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.runtime.state.ttl.TtlTimeProvider;
import io.eddy.runtime.state.ttl.TtlTimeProviders;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state on the Java heap, organised by key group so that it can be snapshotted and moved per
 * key group. The operator sets the current key before each record; state objects then read and
 * write the value of that key. Task thread only.
 *
 * <p>User state ({@link #getOrCreateKeyedState}) is created once per name and cached; asking again
 * with the same name returns the same object. Values are stored as objects, not serialized, so a
 * user must not mutate an object after storing it unless it is stored again. State with a time to
 * live reads the backend's {@link TtlTimeProvider}.
 */
public final class HeapKeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final TtlTimeProvider ttlTimeProvider;
  private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
  private final Map<String, Registered> userStates = new HashMap<>();
  private K currentKey;
  private int currentKeyHash;
  private int currentKeyGroupIndex;

  /** A backend whose TTL clock is {@link TtlTimeProviders#installed()}. */
  public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
    this(keyGroupRange, maxParallelism, TtlTimeProviders.installed());
  }

  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int maxParallelism, TtlTimeProvider ttlTimeProvider) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.ttlTimeProvider = ttlTimeProvider;
  }

  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

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

  public K getCurrentKey() {
    return currentKey;
  }

  int getCurrentKeyHash() {
    return currentKeyHash;
  }

  int getCurrentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  /** The value state named {@code name}, created on first use. */
  @SuppressWarnings("unchecked")
  public <V> HeapValueState<K, V> getValueState(String name) {
    return (HeapValueState<K, V>)
        states.computeIfAbsent(name, n -> new HeapValueState<>(this, keyGroupRange.size()));
  }

  /**
   * The user state {@code descriptor} names, created on first use. The same name with another kind
   * of state or another type is an {@link IllegalStateException}.
   */
  @SuppressWarnings("unchecked")
  public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
    Registered registered = userStates.get(descriptor.getName());
    if (registered == null) {
      registered = new Registered(descriptor, createState(descriptor));
      userStates.put(descriptor.getName(), registered);
    } else {
      registered.checkCompatible(descriptor);
    }
    return (S) registered.state;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private State createState(StateDescriptor<?, ?> descriptor) {
    String name = descriptor.getName();
    TtlPolicy ttl = TtlPolicy.of(descriptor.getTtlConfig(), ttlTimeProvider);
    return switch (descriptor.getType()) {
      case VALUE ->
          new HeapKeyedValueState<>(
              this, name, ttl, ((ValueStateDescriptor<?>) descriptor).getDefaultValue());
      case LIST -> new HeapListState<>(this, name, ttl);
      case MAP -> new HeapMapState<>(this, name, ttl);
      case REDUCING ->
          new HeapReducingState<>(
              this, name, ttl, ((ReducingStateDescriptor) descriptor).getReduceFunction());
      case AGGREGATING ->
          new HeapAggregatingState<>(
              this, name, ttl, ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
    };
  }

  // ---------------------------------------------------------------- snapshots

  public int getMaxParallelism() {
    return maxParallelism;
  }

  /** The descriptors of the registered user states, sorted by name (for snapshots). */
  java.util.SortedMap<String, StateDescriptor<?, ?>> registeredDescriptors() {
    java.util.SortedMap<String, StateDescriptor<?, ?>> result = new java.util.TreeMap<>();
    userStates.forEach((name, registered) -> result.put(name, registered.descriptor));
    return result;
  }

  /** The registered user state named {@code name}, or null. */
  AbstractHeapState<K, ?> registeredState(String name) {
    Registered registered = userStates.get(name);
    return registered == null ? null : (AbstractHeapState<K, ?>) registered.state;
  }

  /** Names of the internal value states ({@link #getValueState}), which have no serializer. */
  java.util.Set<String> internalValueStateNames() {
    return java.util.Collections.unmodifiableSet(states.keySet());
  }

  // ---------------------------------------------------------------- visiting all keys

  /**
   * Calls {@code function} for every key that has a value in the state {@code descriptor} names,
   * with that key as the current key, so it may read, update or clear the value. The keys are
   * collected first, so changes during the visit are safe. The current key is restored afterwards.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> void applyToAllKeys(
      StateDescriptor<S, ?> descriptor, io.eddy.api.common.state.KeyedStateFunction<K, S> function)
      throws Exception {
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

  /** A user state and the descriptor it was created from. */
  private static final class Registered {
    final StateDescriptor<?, ?> descriptor;
    final State state;

    Registered(StateDescriptor<?, ?> descriptor, State state) {
      this.descriptor = descriptor;
      this.state = state;
    }

    void checkCompatible(StateDescriptor<?, ?> other) {
      if (other.getType() != descriptor.getType()
          || !typeName(other).equals(typeName(descriptor))) {
        throw new IllegalStateException(
            "State '"
                + descriptor.getName()
                + "' is already registered as "
                + describe(descriptor)
                + " and cannot be used as "
                + describe(other)
                + ": use a different name for each state.");
      }
    }

    private static String describe(StateDescriptor<?, ?> d) {
      return d.getType().name().toLowerCase() + " state of " + typeName(d);
    }

    private static String typeName(StateDescriptor<?, ?> d) {
      if (d instanceof MapStateDescriptor<?, ?> m) {
        return "<"
            + m.getKeyTypeInformation().getTypeClass().getName()
            + ", "
            + m.getValueTypeInformation().getTypeClass().getName()
            + ">";
      }
      return d.getTypeInformation().getTypeClass().getName();
    }
  }
}
