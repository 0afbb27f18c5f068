package io.eddy.runtime.state;

import io.eddy.api.common.state.StateBackendSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/** Finds a {@link StateBackend} by name. Any thread. */
public final class StateBackends {
  /** The backend a job uses unless it names another. */
  public static final String DEFAULT = "heap";

  /** The configuration key naming the TaskManagers' backend ({@code heap} unless set). */
  public static final String TYPE_KEY = "state.backend.type";

  private static final List<StateBackend> BACKENDS = load();

  /** The configuration each TaskManager backend was made from, for the backends jobs choose. */
  private static final Map<StateBackend, Map<String, String>> CONFIGS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Backends jobs chose that differ from their TaskManager's, shared by the tasks of a JVM. */
  private static final Map<String, StateBackend> CHOSEN_BY_JOBS = new ConcurrentHashMap<>();

  private StateBackends() {}

  /** The backend named {@code name} (null: {@link #DEFAULT}). */
  public static StateBackend named(String name) {
    String wanted = name == null ? DEFAULT : name;
    for (StateBackend backend : BACKENDS) {
      if (backend.name().equalsIgnoreCase(wanted)) {
        return backend;
      }
    }
    throw new IllegalArgumentException(
        "No state backend named '"
            + wanted
            + "'; available: "
            + BACKENDS.stream().map(StateBackend::name).toList()
            + " (another backend needs its module on the class path)");
  }

  /**
   * The backend {@code config} names under {@link #TYPE_KEY} (the default if absent), configured by
   * {@code config} ({@link StateBackend#configure}): a TaskManager's backend.
   *
   * @throws IllegalArgumentException naming the backends available, if none has that name
   */
  public static StateBackend fromConfig(Map<String, String> config) {
    StateBackend backend = named(config.get(TYPE_KEY)).configure(config);
    CONFIGS.put(backend, Map.copyOf(config));
    return backend;
  }

  /**
   * The backend a job's task uses: the TaskManager's, unless the job chose another ({@code chosen},
   * null: none), configured by the job's options. A chosen backend of the TaskManager's kind is the
   * TaskManager's configured by the job's options; one of another kind is made once per JVM and
   * options and shared by the tasks that choose it.
   */
  public static StateBackend forJob(StateBackend taskManagers, StateBackendSettings chosen) {
    if (chosen == null) {
      return taskManagers;
    }
    if (chosen.getName().equalsIgnoreCase(taskManagers.name())) {
      return taskManagers.configure(chosen.getOptions());
    }
    Map<String, String> config = new HashMap<>(CONFIGS.getOrDefault(taskManagers, Map.of()));
    config.putAll(chosen.getOptions());
    return CHOSEN_BY_JOBS.computeIfAbsent(
        chosen.getName().toLowerCase() + config, k -> named(chosen.getName()).configure(config));
  }

  private static List<StateBackend> load() {
    List<StateBackend> backends = new ArrayList<>();
    ServiceLoader.load(StateBackend.class, StateBackends.class.getClassLoader())
        .forEach(backends::add);
    return List.copyOf(backends);
  }
}
