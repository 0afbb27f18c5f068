package io.eddy.api.common.state;

import io.eddy.api.annotation.PublicEvolving;
import java.util.Map;

/**
 * Keyed state in an embedded RocksDB instance on each TaskManager's local disk: state larger than
 * the heap, serialized on every access, in native memory bounded by the TaskManager's {@code
 * taskmanager.memory.managed.size}. Snapshots are written in the canonical format the heap backend
 * reads too, so a job can switch backends through a savepoint. Needs the {@code eddy-state-rocksdb}
 * module on the cluster's class path (the distribution has it).
 */
@PublicEvolving
public final class EmbeddedRocksDBStateBackend extends StateBackendSettings {
  private static final long serialVersionUID = 1L;

  /** The option that asks for incremental checkpoints. */
  public static final String INCREMENTAL = "state.backend.incremental";

  /** The backend with full checkpoints. */
  public EmbeddedRocksDBStateBackend() {
    this(false);
  }

  /**
   * @param incremental whether checkpoints upload only the files changed since the last one
   *     (savepoints are always full); not implemented yet, checkpoints are full either way
   */
  public EmbeddedRocksDBStateBackend(boolean incremental) {
    super("rocksdb", Map.of(INCREMENTAL, Boolean.toString(incremental)));
  }

  /** Whether incremental checkpoints were asked for. */
  public boolean isIncrementalCheckpointsEnabled() {
    return Boolean.parseBoolean(getOptions().get(INCREMENTAL));
  }
}
