package io.eddy.runtime.state;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a {@link StateBackend} by name. Any thread. */
public final class StateBackends {
  /** The backend a job uses unless it names another. */
  public static final String DEFAULT = "heap";

  private static final List<StateBackend> BACKENDS = load();

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

  private static List<StateBackend> load() {
    List<StateBackend> backends = new ArrayList<>();
    ServiceLoader.load(StateBackend.class, StateBackends.class.getClassLoader())
        .forEach(backends::add);
    return List.copyOf(backends);
  }
}
