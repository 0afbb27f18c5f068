package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a keyed state snapshot file (see {@link KeyedStateSnapshotFormat}) into a {@link
 * HeapKeyedStateBackend} at once, given the descriptors of all its states, reading only the key
 * groups that both the file and the backend's range contain. To rescale, restore every snapshot
 * whose range overlaps the backend's range: each key group is then loaded exactly once. Operators
 * restore lazily instead ({@link HeapKeyedStateBackend#restore}); this eager form serves tools and
 * tests. Task thread only (it writes the backend's state).
 */
public final class HeapKeyedStateRestore<K> {
  private final HeapKeyedStateBackend<K> backend;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<?> namespaceSerializer;
  private final Map<String, StateDescriptor<?, ?>> descriptors = new HashMap<>();
  private final Map<String, KeyGroupedTimerQueue<K>> timerQueues;

  /**
   * @param descriptors the descriptors of the states to restore; every state in a snapshot must
   *     have one of the same name and kind (they give the serializers and functions)
   * @param namespaceSerializer as given to {@link HeapKeyedStateSnapshot#take}
   */
  public HeapKeyedStateRestore(
      HeapKeyedStateBackend<K> backend,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      Collection<? extends StateDescriptor<?, ?>> descriptors) {
    this(backend, Map.of(), keySerializer, namespaceSerializer, descriptors);
  }

  /**
   * Also restores timers: every timer queue in a snapshot must have a queue of the same name in
   * {@code timerQueues} (key group indexes relative to the backend's range). Timers are only added
   * to the queues; scheduling the earliest processing-time timer is up to the caller.
   */
  public HeapKeyedStateRestore(
      HeapKeyedStateBackend<K> backend,
      Map<String, KeyGroupedTimerQueue<K>> timerQueues,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> namespaceSerializer,
      Collection<? extends StateDescriptor<?, ?>> descriptors) {
    this.backend = backend;
    this.timerQueues = Map.copyOf(timerQueues);
    this.keySerializer = keySerializer;
    this.namespaceSerializer = namespaceSerializer;
    for (StateDescriptor<?, ?> d : descriptors) {
      this.descriptors.put(d.getName(), d);
    }
  }

  /**
   * Loads the entries of the key groups of {@code file} that the backend owns; returns how many key
   * groups were loaded. Throws an {@link IOException} naming the file if it is not a readable
   * snapshot or does not match the backend and descriptors; the backend may then hold part of the
   * snapshot and must be discarded.
   */
  public int restore(String file) throws IOException {
    KeyedStateFile read = KeyedStateFile.read(file, backend.getKeyGroupRange());
    try {
      return load(read);
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("Cannot restore keyed state from " + file + ": " + reason, e);
    }
  }

  private int load(KeyedStateFile file) throws IOException {
    if (file.maxParallelism != backend.getMaxParallelism()) {
      throw new IOException(
          "snapshot max parallelism "
              + file.maxParallelism
              + " differs from the backend's "
              + backend.getMaxParallelism());
    }
    checkSerializer("key", file.keySerializerClass, keySerializer);
    if (!file.namespaceSerializerClass.isEmpty()) {
      checkSerializer("namespace", file.namespaceSerializerClass, namespaceSerializer);
    }
    KeyGroupSectionReader<K> reader =
        new KeyGroupSectionReader<>(
            keySerializer,
            namespaceSerializer,
            backend.getMaxParallelism(),
            backend.getKeyGroupRange().start());
    for (int s = 0; s < file.states.size(); s++) {
      SnapshotStateMetaInfo meta = file.states.get(s);
      StoredValueCodec codec = codecFor(meta);
      backend.getOrCreateKeyedState(descriptors.get(meta.name()));
      AbstractHeapState<K, ?> state = backend.registeredState(meta.name());
      for (int g = 0; g < file.numLoadedKeyGroups(); g++) {
        int keyGroup = file.firstLoadedKeyGroup + g;
        reader.readState(
            file.stateSection(s, keyGroup), keyGroup, state.table, codec, meta.ttl(), state.ttl);
      }
    }
    for (int q = 0; q < file.timerQueues.size(); q++) {
      String name = file.timerQueues.get(q);
      KeyGroupedTimerQueue<K> queue = timerQueues.get(name);
      if (queue == null) {
        throw new IOException("no timer queue given for the snapshot's timers '" + name + "'");
      }
      for (int g = 0; g < file.numLoadedKeyGroups(); g++) {
        int keyGroup = file.firstLoadedKeyGroup + g;
        reader.readTimers(file.timerSection(q, keyGroup), keyGroup, queue);
      }
    }
    return file.numLoadedKeyGroups();
  }

  /** The codec of the state {@code meta} describes, checked against its descriptor. */
  private StoredValueCodec codecFor(SnapshotStateMetaInfo meta) throws IOException {
    StateDescriptor<?, ?> descriptor = descriptors.get(meta.name());
    if (descriptor == null) {
      throw new IOException("no descriptor given for state '" + meta.name() + "'");
    }
    if (descriptor.getType() != meta.kind()) {
      throw new IOException(
          "state '"
              + meta.name()
              + "' is "
              + meta.kind()
              + " in the snapshot but "
              + descriptor.getType()
              + " in its descriptor");
    }
    StoredValueCodec codec = new StoredValueCodec(descriptor);
    SnapshotStateMetaInfo expected = codec.metaInfo(meta.name(), meta.ttl());
    if (!expected.equals(meta)) {
      throw new IOException(
          "state '" + meta.name() + "' was written with serializers " + meta + ", not " + expected);
    }
    return codec;
  }

  private static void checkSerializer(String what, String recorded, TypeSerializer<?> given)
      throws IOException {
    String actual = given == null ? "none" : given.getClass().getName();
    if (!recorded.equals(actual)) {
      throw new IOException(
          "the snapshot's " + what + " serializer is " + recorded + ", not " + actual);
    }
  }
}
