package io.eddy.api.common.state;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which state backend a job's keyed state lives in, and its options, as a job chooses it with
 * {@code StreamExecutionEnvironment.setStateBackend}: {@link HashMapStateBackend} (the heap, the
 * default) or {@link EmbeddedRocksDBStateBackend}. Only names the backend: the TaskManagers find
 * its implementation by {@link #getName() name}, so a backend other than the heap needs its module
 * on the cluster's class path (the distribution has it). A job that sets none uses the cluster's
 * {@code state.backend.type}.
 */
@PublicEvolving
public abstract class StateBackendSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final Map<String, String> options;

  protected StateBackendSettings(String name, Map<String, String> options) {
    this.name = Objects.requireNonNull(name, "name");
    this.options = new TreeMap<>(options);
  }

  /** The name the TaskManagers find the backend by ({@code heap}, {@code rocksdb}). */
  public final String getName() {
    return name;
  }

  /** The backend's options, as configuration keys and values. */
  public final Map<String, String> getOptions() {
    return Map.copyOf(options);
  }

  @Override
  public String toString() {
    return name + (options.isEmpty() ? "" : " " + options);
  }
}
