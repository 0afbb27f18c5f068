package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
import org.junit.jupiter.api.Test;

/** The distribution's class path serves the file systems the cluster's locations may name. */
class DistributionFileSystemsTest {
  @Test
  void hdfsLocationsAreServed() throws Exception {
    // making the HDFS client connects to nothing yet, so no name node is needed here
    assertThat(FileSystems.get("hdfs://127.0.0.1:1/checkpoints").scheme()).isEqualTo("hdfs");
    assertThat(FileSystems.get("/tmp/x").scheme()).isEqualTo("file");
  }
}
