package io.eddy.testutils.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The local file system's checkpoint storage, at a plain path and at a {@code file:} URI. */
class FsCheckpointStorageConformanceTest {
  @Nested
  class AtAPlainPath extends CheckpointStorageConformance {
    @TempDir Path dir;

    @Override
    protected String rootLocation() {
      return dir.resolve("checkpoints").toString();
    }

    @Override
    protected String savepointLocation() {
      return dir.resolve("savepoints").toString();
    }
  }

  @Nested
  class AtAFileUri extends CheckpointStorageConformance {
    @TempDir Path dir;

    @Override
    protected String rootLocation() {
      return dir.resolve("checkpoints").toUri().toString();
    }

    @Override
    protected String savepointLocation() {
      return dir.resolve("savepoints").toUri().toString();
    }
  }
}
