package io.eddy.fs.hadoop;

import io.eddy.api.fs.FileSystems;
import io.eddy.testutils.StorageFigures;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not a check of speed: writes about 1 GiB of keyed state files through the checkpoint
 * storage to HDFS (a name node and a data node in this JVM, blocks on this machine's disk), then
 * restores them from HDFS and from the TaskManager's local copies, and prints the times. Run with
 * {@code ./mvnw -pl eddy-fs-hadoop -am test -Dgroups=slow -Dsurefire.excludedGroups=none
 * -Dtest=HdfsStorageFiguresTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class HdfsStorageFiguresTest {
  @TempDir Path copies;

  @Test
  void checkpointAndRestoreTimes() throws Exception {
    // blocks of HDFS's usual 128 MiB: each state file is one block
    FileSystems.configure(Map.of("fs.hdfs.dfs.replication", "1"));
    try {
      StorageFigures.measure("HDFS", MiniHdfs.uri() + "/figures/" + UUID.randomUUID(), copies);
    } finally {
      FileSystems.configure(Map.of());
    }
  }
}
