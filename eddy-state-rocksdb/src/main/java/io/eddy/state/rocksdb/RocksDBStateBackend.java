package io.eddy.state.rocksdb;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.OperatorStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.state.ttl.TtlTimeProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state in embedded RocksDB instances on local disk ({@link RocksDBKeyedStateBackend}), one
 * per keyed operator instance, all sharing one block cache and write buffer budget (the managed
 * memory); operator state stays on the heap, as it is small. Registered under the name {@code
 * rocksdb} in {@code META-INF/services/io.eddy.runtime.state.StateBackend}.
 *
 * <p>Configuration ({@link #configure}): {@value #LOCAL_DIRECTORY} (default: the temp directory)
 * and {@value #MANAGED_MEMORY} (default {@value #DEFAULT_MANAGED_MEMORY}).
 *
 * <p>Threading: any thread; the keyed backends it makes are confined to their task thread.
 */
public final class RocksDBStateBackend implements StateBackend {
  public static final String NAME = "rocksdb";

  /** Where RocksDB keeps its files; local disk, not a shared file system. */
  public static final String LOCAL_DIRECTORY = "state.backend.rocksdb.localdir";

  /** The native memory all RocksDB instances of the TaskManager share (block cache, memtables). */
  public static final String MANAGED_MEMORY = "taskmanager.memory.managed.size";

  static final String DEFAULT_MANAGED_MEMORY = "256m";

  /** Instance directories are {@code eddy-rocksdb-<pid>-<uuid>}. */
  static final String INSTANCE_PREFIX = "eddy-rocksdb-";

  private static final Logger LOG = LoggerFactory.getLogger(RocksDBStateBackend.class);

  private final Path localDirectory;
  private final long managedMemoryBytes;
  private SharedMemory memory;

  /** The backend with its defaults (as {@link java.util.ServiceLoader} makes it). */
  public RocksDBStateBackend() {
    this(
        Path.of(System.getProperty("java.io.tmpdir")),
        parseBytes(MANAGED_MEMORY, DEFAULT_MANAGED_MEMORY));
  }

  public RocksDBStateBackend(Path localDirectory, long managedMemoryBytes) {
    if (managedMemoryBytes < (8 << 20)) {
      throw new IllegalArgumentException(
          MANAGED_MEMORY
              + " must be at least 8m for RocksDB, not "
              + managedMemoryBytes
              + " bytes");
    }
    this.localDirectory = localDirectory.toAbsolutePath();
    this.managedMemoryBytes = managedMemoryBytes;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StateBackend configure(Map<String, String> config) {
    String dir = config.get(LOCAL_DIRECTORY);
    String memory = config.get(MANAGED_MEMORY);
    if (dir == null && memory == null) {
      return this;
    }
    return new RocksDBStateBackend(
        dir == null ? localDirectory : Path.of(dir),
        memory == null ? managedMemoryBytes : parseBytes(MANAGED_MEMORY, memory));
  }

  /** The managed memory budget in bytes. */
  public long managedMemoryBytes() {
    return managedMemoryBytes;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyGroupRange keyGroups, int maxParallelism, TypeSerializer<K> keySerializer) {
    Path instance =
        localDirectory.resolve(
            INSTANCE_PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    return new RocksDBKeyedStateBackend<>(
        keyGroups,
        maxParallelism,
        keySerializer,
        TtlTimeProviders.installed(),
        instance.resolve("db"),
        sharedMemory());
  }

  private synchronized SharedMemory sharedMemory() {
    if (memory == null) {
      org.rocksdb.RocksDB.loadLibrary();
      memory = new SharedMemory(managedMemoryBytes);
      deleteInstancesOfDeadProcesses(localDirectory);
    }
    return memory;
  }

  /**
   * Deletes the instance directories that processes no longer running left behind (a TaskManager
   * killed with SIGKILL cannot delete its own); those of live processes, other TaskManagers on the
   * same machine included, stay.
   */
  static void deleteInstancesOfDeadProcesses(Path localDirectory) {
    if (!Files.isDirectory(localDirectory)) {
      return;
    }
    try (Stream<Path> children = Files.list(localDirectory)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!name.startsWith(INSTANCE_PREFIX)) {
          continue;
        }
        String rest = name.substring(INSTANCE_PREFIX.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue; // not one of ours
        }
        if (ProcessHandle.of(pid).isEmpty()) {
          LOG.info("Deleting {}, left behind by process {} that no longer runs", child, pid);
          RocksDBKeyedStateBackend.deleteDirectory(child);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot clean up {}: {}", localDirectory, e.toString());
    }
  }

  @Override
  public OperatorStateBackend createOperatorStateBackend(
      RestoredState restored, int subtaskIndex, int parallelism) throws IOException {
    return StateBackends.named(StateBackends.DEFAULT)
        .createOperatorStateBackend(restored, subtaskIndex, parallelism);
  }

  /** Parses a size such as {@code 512m}, {@code 2g}, {@code 65536} or {@code 64kb}. */
  static long parseBytes(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    String number = v;
    for (String[] suffix :
        new String[][] {
          {"kb", "10"},
          {"mb", "20"},
          {"gb", "30"},
          {"k", "10"},
          {"m", "20"},
          {"g", "30"},
          {"b", "0"}
        }) {
      if (v.endsWith(suffix[0])) {
        unit = 1L << Integer.parseInt(suffix[1]);
        number = v.substring(0, v.length() - suffix[0].length()).trim();
        break;
      }
    }
    try {
      return Long.parseLong(number) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + ": '" + value + "' is not a size (for example 256m, 1g or 65536)");
    }
  }

  @Override
  public String toString() {
    return "RocksDBStateBackend(" + localDirectory + ", managed memory " + managedMemoryBytes + ")";
  }
}
