package io.eddy.fs.hadoop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * One real HDFS (a name node and a data node in this JVM) for all test classes of the module:
 * started by the first test that asks, stopped when the JVM exits. Blocks are 1 MiB, so the suites'
 * files span several, and data nodes report every second, so lease and truncate recoveries finish
 * quickly.
 */
final class MiniHdfs {
  /** Block size of the cluster and of the clients that tests configure. */
  static final int BLOCK = 1024 * 1024;

  private static MiniDFSCluster cluster;

  private MiniHdfs() {}

  static synchronized MiniDFSCluster cluster() throws IOException {
    if (cluster == null) {
      Configuration conf = new Configuration();
      Path base = Path.of("target", "minidfs", UUID.randomUUID().toString()).toAbsolutePath();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
      conf.setLong("dfs.blocksize", BLOCK);
      conf.setInt("dfs.replication", 1);
      conf.setLong("dfs.heartbeat.interval", 1);
      MiniDFSCluster started = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      started.waitActive();
      Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
      cluster = started;
    }
    return cluster;
  }

  /** The name node's URI, {@code hdfs://localhost:port}. */
  static String uri() throws IOException {
    return "hdfs://localhost:" + cluster().getNameNodePort();
  }

  /** The name node's {@code host:port}. */
  static String authority() throws IOException {
    return "localhost:" + cluster().getNameNodePort();
  }

  /** A client of the cluster as its superuser, to check what Eddy's file system did. */
  static DistributedFileSystem admin() throws IOException {
    return cluster().getFileSystem();
  }
}
