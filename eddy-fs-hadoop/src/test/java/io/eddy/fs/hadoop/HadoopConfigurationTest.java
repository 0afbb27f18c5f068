package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.WriteMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fs.hdfs.hadoopconf} loads a Hadoop configuration directory (or {@code HADOOP_CONF_DIR}'s),
 * and other {@code fs.hdfs.*} keys set Hadoop keys over it.
 */
class HadoopConfigurationTest {
  @TempDir static Path confDir;

  @BeforeAll
  static void writeConfDir() throws IOException {
    Files.writeString(
        confDir.resolve("core-site.xml"), site(Map.of("fs.defaultFS", MiniHdfs.uri())));
    Files.writeString(
        confDir.resolve("hdfs-site.xml"),
        site(Map.of("dfs.replication", "1", "dfs.blocksize", String.valueOf(2 * MiniHdfs.BLOCK))));
  }

  private static String site(Map<String, String> properties) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
    properties.forEach(
        (k, v) ->
            xml.append("  <property><name>")
                .append(k)
                .append("</name><value>")
                .append(v)
                .append("</value></property>\n"));
    return xml.append("</configuration>\n").toString();
  }

  /** Writes a file through a file system made from {@code config}; returns its HDFS block size. */
  private static long blockSizeOfAFileWrittenWith(Map<String, String> config, String path)
      throws IOException {
    FileSystem fs = new HadoopFileSystemFactory().create(null, config);
    try (OutputStream out = fs.create("hdfs://" + path, WriteMode.OVERWRITE)) {
      out.write("x".getBytes());
    }
    return MiniHdfs.admin().getFileStatus(HadoopFileSystem.toPath("hdfs://" + path)).getBlockSize();
  }

  @Test
  void theConfigurationDirectoryNamesTheNameNodeAndSetsHdfsKeys() throws IOException {
    // hdfs:/// finds the name node in core-site.xml; the block size comes from hdfs-site.xml
    long blockSize =
        blockSizeOfAFileWrittenWith(
            Map.of("fs.hdfs.hadoopconf", confDir.toString()), "/hadoopconf/a");
    assertThat(blockSize).isEqualTo(2 * MiniHdfs.BLOCK);
  }

  @Test
  void otherFsHdfsKeysOverrideTheDirectory() throws IOException {
    long blockSize =
        blockSizeOfAFileWrittenWith(
            Map.of(
                "fs.hdfs.hadoopconf",
                confDir.toString(),
                "fs.hdfs.dfs.blocksize",
                String.valueOf(3 * MiniHdfs.BLOCK)),
            "/hadoopconf/b");
    assertThat(blockSize).isEqualTo(3 * MiniHdfs.BLOCK);
  }

  @Test
  void hadoopConfDirIsTheFallbackAndTheKeyWins(@TempDir Path other) throws IOException {
    Files.writeString(other.resolve("core-site.xml"), site(Map.of("fs.defaultFS", "hdfs://b:1")));
    Configuration fromEnv = HadoopFileSystemFactory.hadoopConfiguration(Map.of(), other.toString());
    assertThat(fromEnv.get("fs.defaultFS")).isEqualTo("hdfs://b:1");
    Configuration fromKey =
        HadoopFileSystemFactory.hadoopConfiguration(
            Map.of("fs.hdfs.hadoopconf", confDir.toString()), other.toString());
    assertThat(fromKey.get("fs.defaultFS")).isEqualTo(MiniHdfs.uri());
    assertThat(fromKey.get("dfs.replication")).isEqualTo("1");
  }

  @Test
  void aBrokenConfigurationFileIsOneLine(@TempDir Path broken) throws IOException {
    Files.writeString(broken.resolve("core-site.xml"), "<configuration><property>");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                HadoopFileSystemFactory.hadoopConfiguration(
                    Map.of("fs.hdfs.hadoopconf", broken.toString()), null));
    assertThat(e.getMessage())
        .startsWith("Cannot read the Hadoop configuration in " + broken + ": ")
        .doesNotContain("\n");
    Path empty = Files.createDirectory(broken.resolve("empty"));
    assertThat(
            assertThrows(
                    IOException.class,
                    () ->
                        HadoopFileSystemFactory.hadoopConfiguration(
                            Map.of("fs.hdfs.hadoopconf", empty.toString()), null))
                .getMessage())
        .isEqualTo(
            "fs.hdfs.hadoopconf names "
                + empty
                + ", which holds neither core-site.xml nor"
                + " hdfs-site.xml");
  }
}
