package io.eddy.runtime.state;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import java.io.IOException;
import java.util.Map;

/**
 * Where operators keep their state: makes the keyed and operator state backends of each operator
 * instance. Found by name through {@link StateBackends} ({@link java.util.ServiceLoader}): {@code
 * heap} is built in; a module with another backend (RocksDB) registers its own in {@code
 * META-INF/services/io.eddy.runtime.state.StateBackend}.
 *
 * <p>Threading: stateless; any thread. The backends it makes are confined to their task thread.
 */
public interface StateBackend {
  /** The name a job or TaskManager configuration selects it by ({@code heap}). */
  String name();

  /**
   * This backend configured by {@code config} (cluster configuration keys, or the options a job
   * gave its backend): a new instance, or this one if nothing applies. Keys a backend does not know
   * are ignored. Default: this backend unchanged.
   */
  default StateBackend configure(Map<String, String> config) {
    return this;
  }

  /**
   * A keyed state backend for an operator instance holding {@code keyGroups}.
   *
   * @param keySerializer writes keys in snapshots (null: the backend cannot be snapshotted)
   */
  <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyGroupRange keyGroups, int maxParallelism, TypeSerializer<K> keySerializer);

  /**
   * The operator state backend of subtask {@code subtaskIndex} of {@code parallelism}, empty or
   * restored from {@code restored}'s operator state files.
   */
  OperatorStateBackend createOperatorStateBackend(
      RestoredState restored, int subtaskIndex, int parallelism) throws IOException;
}
