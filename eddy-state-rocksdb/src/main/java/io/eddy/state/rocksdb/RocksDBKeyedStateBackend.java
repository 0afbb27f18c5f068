package io.eddy.state.rocksdb;

import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.KeyedStateFunction;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.State;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.types.serializers.DynamicSerializer;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import io.eddy.runtime.state.RegisteredState;
import io.eddy.runtime.state.SnapshotStateMetaInfo;
import io.eddy.runtime.state.heap.NamespaceSerializer;
import io.eddy.runtime.state.timers.KeyGroupedTimerQueue;
import io.eddy.runtime.state.ttl.TtlTimeProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in an embedded RocksDB instance on local disk: one column family per state, rows
 * keyed by (key group, key, namespace) ({@link RowKeys}) so a key group is a contiguous range,
 * values serialized with the job's serializers in the canonical snapshot encoding ({@link
 * Elements}). Timers stay on the heap, as the {@link KeyedStateBackend} contract has it (the
 * operator's timer service owns them; snapshots and restores carry them).
 *
 * <p>Snapshots are full and canonical ({@link FullSnapshot}): the heap backend restores them and
 * this backend restores the heap's, so a job switches backends through a savepoint. Restore reads
 * the key groups of this backend's range and decodes a state into RocksDB when it is registered
 * (its serializers come with its descriptor); states never registered are carried over.
 *
 * <p>Threading: the task thread, except that a snapshot's writer reads on the checkpoint I/O
 * thread; {@link #dispose()} frees the native resources once no snapshot in flight needs them.
 * Writes skip RocksDB's write-ahead log: state survives failures through checkpoints only.
 */
public final class RocksDBKeyedStateBackend<K> implements KeyedStateBackend<K>, AutoCloseable {
  private static final int WRITE_BATCH_BYTES = 4 << 20;

  /** The column family where restored sections wait for their states ({@link RestoredSections}). */
  private static final String RESTORED_COLUMN = "\u0000restored";

  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> namespaceSerializer = new NamespaceSerializer();
  private final TtlTimeProvider ttlTimeProvider;
  private final Path directory;
  private final RowKeys<K> rowKeys;
  private final DataInputDeserializer in = new DataInputDeserializer();

  private final DBOptions dbOptions;
  private final StringAppendOperator mergeOperator;
  private final BloomFilter bloomFilter;
  private final ColumnFamilyOptions columnOptions;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultColumn;
  private final Map<String, ColumnFamilyHandle> columns = new HashMap<>();

  private final Map<String, RegisteredState<AbstractRocksDBState<?>>> userStates = new HashMap<>();
  private final Map<String, InternalValue> valueStates = new HashMap<>();
  private RestoredSections restored;

  private K currentKey;
  private int currentKeyGroupIndex;

  /** Snapshots in flight plus one for the backend itself until {@link #close()}. */
  private int leases = 1;

  /**
   * Opens a fresh RocksDB instance in {@code directory} (which must not exist), sharing the block
   * cache and write buffer budget of {@code memory}.
   *
   * @param keySerializer writes the keys into row keys and snapshots
   */
  RocksDBKeyedStateBackend(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      TypeSerializer<K> keySerializer,
      TtlTimeProvider ttlTimeProvider,
      Path directory,
      SharedMemory memory) {
    if (keySerializer == null) {
      throw new IllegalArgumentException("The RocksDB state backend needs a key serializer");
    }
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.keySerializer = keySerializer.duplicate();
    this.ttlTimeProvider = ttlTimeProvider;
    this.directory = directory;
    this.rowKeys = new RowKeys<>(this.keySerializer, namespaceSerializer);
    RocksDB.loadLibrary();
    mergeOperator = new StringAppendOperator("");
    bloomFilter = new BloomFilter(10, false);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the RocksDB directory " + directory, e);
    }
    dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setWriteBufferManager(memory.writeBufferManager)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(2)
            .setMaxLogFileSize(1 << 20)
            .setStatsDumpPeriodSec(0)
            .setMaxOpenFiles(-1)
            .setUseFsync(false);
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(memory.cache)
            .setCacheIndexAndFilterBlocks(true)
            .setCacheIndexAndFilterBlocksWithHighPriority(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setFilterPolicy(bloomFilter);
    columnOptions =
        new ColumnFamilyOptions()
            .setMergeOperator(mergeOperator)
            .setTableFormatConfig(table)
            .setWriteBufferSize(Math.max(1 << 20, Math.min(64 << 20, memory.budgetBytes / 8)));
    writeOptions = new WriteOptions().setDisableWAL(true);
    readOptions = new ReadOptions();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      db =
          RocksDB.open(
              dbOptions,
              directory.toString(),
              List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)),
              handles);
    } catch (RocksDBException e) {
      closeOptions();
      throw new IllegalStateException(
          "Cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
    defaultColumn = handles.get(0);
  }

  // ---------------------------------------------------------------- keys

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public int getMaxParallelism() {
    return maxParallelism;
  }

  @Override
  public void setCurrentKey(K key) {
    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
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
    this.currentKeyGroupIndex = keyGroup - keyGroupRange.start();
    rowKeys.setKey(key, keyGroup);
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public int getCurrentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  RowKeys<K> rowKeys() {
    return rowKeys;
  }

  TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  TypeSerializer<Object> namespaceSerializer() {
    return namespaceSerializer;
  }

  K deserializeKey(byte[] bytes) {
    in.setBuffer(bytes, 0, bytes.length);
    try {
      return keySerializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a key", e);
    }
  }

  Object deserializeNamespace(byte[] bytes) {
    in.setBuffer(bytes, 0, bytes.length);
    try {
      return namespaceSerializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a namespace", e);
    }
  }

  // ---------------------------------------------------------------- states

  @SuppressWarnings("unchecked")
  @Override
  public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
    RegisteredState<AbstractRocksDBState<?>> registered = userStates.get(descriptor.getName());
    if (registered == null) {
      checkNameFree(descriptor.getName(), valueStates);
      AbstractRocksDBState<K> state = createState(descriptor);
      registered = new RegisteredState<>(descriptor, state);
      userStates.put(descriptor.getName(), registered);
      restoreState(
          descriptor.getName(),
          SnapshotStateMetaInfo.of(descriptor, state.ttl != null),
          state.column,
          serializers(descriptor));
    } else {
      registered.checkCompatible(descriptor);
    }
    return (S) registered.state();
  }

  @SuppressWarnings("unchecked")
  @Override
  public <V> ValueState<V> getValueState(String name, TypeSerializer<V> serializer) {
    InternalValue existing = valueStates.get(name);
    if (existing != null) {
      return (ValueState<V>) existing.state;
    }
    checkNameFree(name, userStates);
    // without a serializer the state works but cannot be snapshotted (as on the heap)
    TypeSerializer<V> stored =
        serializer == null ? (TypeSerializer<V>) new DynamicSerializer() : serializer.duplicate();
    RocksDBValueState<K, V> state =
        new RocksDBValueState<>(
            this, name, column(name), null, new Elements<>(stored, false), null);
    valueStates.put(name, new InternalValue(state, serializer == null ? null : stored));
    if (serializer != null) {
      restoreState(
          name,
          SnapshotStateMetaInfo.ofValue(name, stored),
          state.column,
          new TypeSerializer<?>[] {stored, null});
    }
    return state;
  }

  private static void checkNameFree(String name, Map<String, ?> other) {
    if (other.containsKey(name)) {
      throw new IllegalStateException(
          "State '" + name + "' is already registered: use a different name for each state.");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private AbstractRocksDBState<K> createState(StateDescriptor<?, ?> descriptor) {
    String name = descriptor.getName();
    Ttl ttl = Ttl.of(descriptor.getTtlConfig(), ttlTimeProvider);
    TypeSerializer<?>[] serializers = serializers(descriptor);
    Elements elements = new Elements<>(serializers[0], ttl != null);
    ColumnFamilyHandle column = column(name);
    return switch (descriptor.getType()) {
      case VALUE ->
          new RocksDBValueState<>(
              this,
              name,
              column,
              ttl,
              elements,
              ((ValueStateDescriptor<?>) descriptor).getDefaultValue());
      case LIST -> new RocksDBListState<>(this, name, column, ttl, elements);
      case MAP ->
          new RocksDBMapState<>(this, name, column, ttl, (TypeSerializer) serializers[1], elements);
      case REDUCING ->
          new RocksDBReducingState<>(
              this,
              name,
              column,
              ttl,
              elements,
              ((ReducingStateDescriptor) descriptor).getReduceFunction());
      case AGGREGATING ->
          new RocksDBAggregatingState<>(
              this,
              name,
              column,
              ttl,
              elements,
              ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
    };
  }

  /** The value (element) serializer and the map key serializer (null unless map state). */
  private static TypeSerializer<?>[] serializers(StateDescriptor<?, ?> descriptor) {
    if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      return new TypeSerializer<?>[] {
        map.getValueTypeInformation().createSerializer().duplicate(),
        map.getKeyTypeInformation().createSerializer().duplicate()
      };
    }
    return new TypeSerializer<?>[] {
      descriptor.getTypeInformation().createSerializer().duplicate(), null
    };
  }

  private ColumnFamilyHandle column(String stateName) {
    return columns.computeIfAbsent(
        stateName,
        name -> {
          try {
            return db.createColumnFamily(
                new ColumnFamilyDescriptor(
                    ("state:" + name).getBytes(StandardCharsets.UTF_8), columnOptions));
          } catch (RocksDBException e) {
            throw new IllegalStateException(
                "Cannot create the column family of state '" + name + "': " + e.getMessage(), e);
          }
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public <S extends State> void applyToAllKeys(
      StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception {
    S state = getOrCreateKeyedState(descriptor);
    ColumnFamilyHandle column = ((AbstractRocksDBState<K>) (AbstractRocksDBState) state).column;
    // keys are collected first: the function may change the state
    Set<K> keys = new LinkedHashSet<>();
    try (RocksIterator it = newIterator(column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] row = it.key();
        RowKeys.Parsed parsed = RowKeys.parse(row);
        if (!parsed.hasNamespace()) {
          keys.add(deserializeKey(parsed.key(row)));
        }
      }
    }
    K previous = currentKey;
    try {
      for (K key : keys) {
        setCurrentKey(key);
        function.process(key, state);
      }
    } finally {
      if (previous != null) {
        setCurrentKey(previous);
      }
    }
  }

  // ---------------------------------------------------------------- RocksDB access

  RocksDB db() {
    return db;
  }

  byte[] get(ColumnFamilyHandle column, byte[] row) {
    try {
      return db.get(column, readOptions, row);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void put(ColumnFamilyHandle column, byte[] row, byte[] value) {
    try {
      db.put(column, writeOptions, row, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void merge(ColumnFamilyHandle column, byte[] row, byte[] value) {
    try {
      db.merge(column, writeOptions, row, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void delete(ColumnFamilyHandle column, byte[] row) {
    try {
      db.delete(column, writeOptions, row);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  /** Deletes the rows from {@code start} up to {@code end} (exclusive; null: to the end). */
  void deleteRange(ColumnFamilyHandle column, byte[] start, byte[] end) {
    try {
      if (end == null) {
        try (RocksIterator it = newIterator(column)) {
          for (it.seek(start); it.isValid(); it.next()) {
            db.delete(column, writeOptions, it.key());
          }
        }
      } else {
        db.deleteRange(column, writeOptions, start, end);
      }
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  RocksIterator newIterator(ColumnFamilyHandle column) {
    return db.newIterator(column, readOptions);
  }

  private RuntimeException failure(String what, RocksDBException e) {
    return new IllegalStateException(
        "RocksDB failed to " + what + " state in " + directory + ": " + e.getMessage(), e);
  }

  // ---------------------------------------------------------------- snapshots

  @Override
  public StateWriter snapshot(Map<String, KeyGroupedTimerQueue<K>> timerQueues) {
    for (Map.Entry<String, InternalValue> e : valueStates.entrySet()) {
      if (e.getValue().serializer == null) {
        throw new IllegalStateException(
            "Cannot snapshot internal value state '" + e.getKey() + "': it has no serializer.");
      }
    }
    TreeMap<String, FullSnapshot.LiveState> live = new TreeMap<>();
    userStates.forEach(
        (name, r) ->
            live.put(
                name,
                new FullSnapshot.LiveState(
                    SnapshotStateMetaInfo.of(r.descriptor(), r.state().ttl != null),
                    r.state().column)));
    valueStates.forEach(
        (name, v) ->
            live.put(
                name,
                new FullSnapshot.LiveState(
                    SnapshotStateMetaInfo.ofValue(name, v.serializer), v.state.column)));
    return FullSnapshot.take(this, new ArrayList<>(live.values()), restored, timerQueues);
  }

  /** A new scratch file for a snapshot writer, in this backend's directory. Any thread. */
  Path scratchFile() throws IOException {
    return Files.createTempFile(directory.getParent(), "snapshot-", ".tmp");
  }

  // ---------------------------------------------------------------- restore

  @Override
  public void restore(List<String> locations) throws IOException {
    if (restored != null || !userStates.isEmpty() || !valueStates.isEmpty()) {
      throw new IllegalStateException("Restore into a fresh backend only, and only once.");
    }
    List<SnapshotFile> files = new ArrayList<>(locations.size());
    for (String location : locations) {
      SnapshotFile file = SnapshotFile.open(location, keyGroupRange);
      checkCompatible(file);
      files.add(file);
    }
    restored =
        RestoredSections.stage(files, keyGroupRange, db, column(RESTORED_COLUMN), writeOptions);
  }

  private void checkCompatible(SnapshotFile file) throws IOException {
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
        && !file.namespaceSerializerClass.equals(KeyedStateSnapshotFormat.NAMESPACE_SERIALIZER)) {
      problem = "its namespace serializer is " + file.namespaceSerializerClass;
    }
    if (problem != null) {
      throw new IOException("Cannot restore keyed state from " + file.file + ": " + problem);
    }
  }

  @Override
  public boolean restoreTimers(String name, KeyGroupedTimerQueue<K> queue) {
    RestoredSections.Pending pending = restored == null ? null : restored.claimTimers(name);
    if (pending == null) {
      return false;
    }
    SectionLoader<K> loader = loader();
    try {
      for (int g = 0; g < keyGroupRange.size(); g++) {
        byte[] section = restored.section(pending, keyGroupRange.start() + g, readOptions);
        if (section != null) {
          loader.loadTimers(section, keyGroupRange.start() + g, queue);
        }
      }
      restored.drop(pending, writeOptions);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot restore the timers '" + name + "' from " + pending.origin() + ": " + e, e);
    }
    return true;
  }

  /** Loads the restored rows of state {@code name}, just created, into {@code column}. */
  private void restoreState(
      String name,
      SnapshotStateMetaInfo expected,
      ColumnFamilyHandle column,
      TypeSerializer<?>[] serializers) {
    RestoredSections.Pending pending = restored == null ? null : restored.claimState(name);
    if (pending == null) {
      return;
    }
    SnapshotStateMetaInfo recorded = pending.meta();
    SnapshotStateMetaInfo comparable =
        new SnapshotStateMetaInfo(
            expected.name(),
            expected.kind(),
            recorded.ttl(),
            expected.valueSerializerClass(),
            expected.mapKeySerializerClass());
    if (!comparable.equals(recorded)) {
      throw new IllegalStateException(
          "State '"
              + name
              + "' was checkpointed as "
              + recorded
              + " (in "
              + pending.origin()
              + ") and cannot be restored as "
              + comparable
              + ": a state must keep its kind and types across restores.");
    }
    SectionLoader<K> loader = loader();
    long now = ttlTimeProvider.currentTimestamp();
    try (WriteBatch batch = new WriteBatch()) {
      for (int g = 0; g < keyGroupRange.size(); g++) {
        byte[] section = restored.section(pending, keyGroupRange.start() + g, readOptions);
        if (section == null) {
          continue;
        }
        loader.loadState(
            section,
            keyGroupRange.start() + g,
            recorded.kind(),
            serializers[0],
            serializers[1],
            recorded.ttl(),
            expected.ttl(),
            now,
            (row, value) -> {
              try {
                batch.put(column, row, value);
                if (batch.getDataSize() > WRITE_BATCH_BYTES) {
                  db.write(writeOptions, batch);
                  batch.clear();
                }
              } catch (RocksDBException e) {
                throw new IOException(e.getMessage(), e);
              }
            });
      }
      db.write(writeOptions, batch);
      restored.drop(pending, writeOptions);
    } catch (IOException | RocksDBException e) {
      throw new UncheckedIOException(
          new IOException(
              "Cannot restore state '" + name + "' from " + pending.origin() + ": " + e, e));
    }
  }

  private SectionLoader<K> loader() {
    return new SectionLoader<>(
        keySerializer, namespaceSerializer, maxParallelism, keyGroupRange.start());
  }

  // ---------------------------------------------------------------- lifecycle

  /** A snapshot in flight keeps the native resources open. Any thread. */
  synchronized void acquireLease() {
    if (leases == 0) {
      throw new IllegalStateException("The RocksDB state backend in " + directory + " is closed");
    }
    leases++;
  }

  /** Ends a lease; the last one closes the native resources and deletes the directory. */
  synchronized void releaseLease() {
    if (leases > 0 && --leases == 0) {
      disposeNative();
    }
  }

  private boolean closed;

  /**
   * Closes the backend: its RocksDB instance, options and local files go once no snapshot in flight
   * needs them any more. Idempotent; task thread.
   */
  @Override
  public synchronized void dispose() {
    if (!closed) {
      closed = true;
      releaseLease();
    }
  }

  /** Same as {@link #dispose()}. */
  @Override
  public void close() {
    dispose();
  }

  private void disposeNative() {
    columns.values().forEach(ColumnFamilyHandle::close);
    defaultColumn.close();
    db.close();
    closeOptions();
    deleteDirectory(directory.getParent());
  }

  private void closeOptions() {
    if (writeOptions != null) {
      writeOptions.close();
    }
    if (readOptions != null) {
      readOptions.close();
    }
    if (columnOptions != null) {
      columnOptions.close();
    }
    dbOptions.close();
    mergeOperator.close();
    bloomFilter.close();
  }

  static void deleteDirectory(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // best effort: a leftover directory is removed with the TaskManager's local directory
    }
  }

  /** An internal value state and its serializer (null: not snapshotted). */
  private record InternalValue(RocksDBValueState<?, ?> state, TypeSerializer<?> serializer) {}
}
