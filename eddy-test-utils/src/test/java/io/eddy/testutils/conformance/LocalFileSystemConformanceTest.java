package io.eddy.testutils.conformance;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The local file system passes the file-system conformance suite as plain paths and as URIs. */
class LocalFileSystemConformanceTest {
  @TempDir static Path dir;

  @Nested
  class PlainPaths extends FileSystemConformance {
    @Override
    protected String rootLocation() {
      return dir.resolve(UUID.randomUUID().toString()).toString();
    }
  }

  @Nested
  class FileUris extends FileSystemConformance {
    @Override
    protected String rootLocation() {
      return dir.resolve(UUID.randomUUID().toString()).toUri().toString();
    }
  }
}
