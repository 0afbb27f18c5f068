package io.eddy.api.common.state;

import io.eddy.api.annotation.PublicEvolving;
import java.util.Map;

/**
 * Keyed state as objects on the JVM heap (the default): fast, bounded by the TaskManagers' memory,
 * snapshots taken asynchronously with copy-on-write.
 */
@PublicEvolving
public final class HashMapStateBackend extends StateBackendSettings {
  private static final long serialVersionUID = 1L;

  public HashMapStateBackend() {
    super("heap", Map.of());
  }
}
