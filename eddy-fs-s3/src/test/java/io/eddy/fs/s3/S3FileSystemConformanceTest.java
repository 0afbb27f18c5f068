package io.eddy.fs.s3;

import io.eddy.testutils.conformance.CheckpointStorageConformance;
import io.eddy.testutils.conformance.FileSystemConformance;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** S3 (a real S3-API server on loopback) passes the file-system and checkpoint conformance. */
class S3FileSystemConformanceTest {
  private static S3TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start("conformance");
    server.configureFileSystems();
  }

  @AfterAll
  static void stopServer() throws Exception {
    io.eddy.api.fs.FileSystems.configure(Map.of());
    server.close();
  }

  @Nested
  class FileSystem extends FileSystemConformance {
    @Override
    protected String rootLocation() {
      return "s3://conformance/fs-" + UUID.randomUUID();
    }

    @Override
    protected int largeFileBytes() {
      return 11 * 1024 * 1024 + 17; // three parts of 5 MiB, the last one short
    }
  }

  @Nested
  class CheckpointStorage extends CheckpointStorageConformance {
    private final String savepoints = "s3://conformance/savepoints-" + UUID.randomUUID();

    @Override
    protected String rootLocation() {
      return "s3://conformance/checkpoints-" + UUID.randomUUID();
    }

    @Override
    protected String savepointLocation() {
      return savepoints;
    }
  }
}
