package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;
import java.io.Serializable;

/**
 * Where a job starts from: nothing, or a savepoint or retained checkpoint directory.
 *
 * @param path directory of a savepoint or completed checkpoint (the folder holding {@code
 *     _metadata}), or null to start without state
 * @param allowNonRestoredState whether state in the snapshot that no operator of the job claims is
 *     ignored (true) or an error (false)
 */
@Internal
public record SavepointRestoreSettings(String path, boolean allowNonRestoredState)
    implements Serializable {
  public static final SavepointRestoreSettings NONE = new SavepointRestoreSettings(null, false);

  public static SavepointRestoreSettings forPath(String path, boolean allowNonRestoredState) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("The savepoint path must not be empty.");
    }
    return new SavepointRestoreSettings(path, allowNonRestoredState);
  }

  public boolean restoreSavepoint() {
    return path != null;
  }
}
