package io.eddy.fs.hadoop;

import io.eddy.api.fs.FileSystems;
import io.eddy.testutils.conformance.CheckpointStorageConformance;
import io.eddy.testutils.conformance.FileSystemConformance;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * HDFS passes the file-system conformance suite, against a real name node and data node, with
 * locations that name the name node and with {@code hdfs:///} ones resolved by {@code
 * fs.defaultFS}, and checkpoint storage on it passes the checkpoint conformance suite.
 */
class HdfsFileSystemConformanceTest {

  @BeforeAll
  static void configure() throws IOException {
    // one data node: files of one replica; 1 MiB blocks, so large files span several
    FileSystems.configure(
        Map.of(
            "fs.hdfs.dfs.replication", "1",
            "fs.hdfs.dfs.blocksize", String.valueOf(MiniHdfs.BLOCK),
            "fs.hdfs.fs.defaultFS", MiniHdfs.uri()));
  }

  @AfterAll
  static void reset() {
    FileSystems.configure(Map.of());
  }

  @Nested
  class NamedNameNode extends FileSystemConformance {
    @Override
    protected String rootLocation() throws IOException {
      return MiniHdfs.uri() + "/conformance/" + UUID.randomUUID();
    }
  }

  @Nested
  class DefaultNameNode extends FileSystemConformance {
    @Override
    protected String rootLocation() {
      return "hdfs:///conformance/" + UUID.randomUUID();
    }
  }

  @Nested
  class CheckpointStorage extends CheckpointStorageConformance {
    private final String run = "/checkpoint-conformance/" + UUID.randomUUID();

    @Override
    protected String rootLocation() throws IOException {
      return MiniHdfs.uri() + run + "/checkpoints";
    }

    @Override
    protected String savepointLocation() throws IOException {
      return MiniHdfs.uri() + run + "/savepoints";
    }
  }
}
