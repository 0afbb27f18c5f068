package io.eddy.fs.hadoop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in this JVM (Hadoop's {@code MiniDFSCluster}: a name node and a data node on
 * loopback), and the {@code fs.hdfs.*} configuration that Eddy's clients of it need. Blocks are 1
 * MiB, so test files span several, and data nodes report every second, so lease and truncate
 * recoveries finish quickly. Shared with the end-to-end tests through this module's test jar.
 */
public final class HdfsTestServer implements AutoCloseable {
  /** Block size of the cluster and of the clients {@link #config()} sets up. */
  public static final int BLOCK = 1024 * 1024;

  private final MiniDFSCluster cluster;

  private HdfsTestServer(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a cluster whose files live under {@code baseDir}. */
  public static HdfsTestServer start(Path baseDir) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
    conf.setLong("dfs.blocksize", BLOCK);
    conf.setInt("dfs.replication", 1);
    conf.setLong("dfs.heartbeat.interval", 1);
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    return new HdfsTestServer(cluster);
  }

  /** Starts a cluster under {@code target/minidfs}. */
  public static HdfsTestServer start() throws IOException {
    return start(Path.of("target", "minidfs", UUID.randomUUID().toString()));
  }

  /** The name node's URI, {@code hdfs://localhost:port}. */
  public String uri() {
    return "hdfs://" + authority();
  }

  /** The name node's {@code host:port}. */
  public String authority() {
    return "localhost:" + cluster.getNameNodePort();
  }

  /**
   * The keys for Eddy's HDFS clients of this cluster: files of one replica (there is one data
   * node), in 1 MiB blocks.
   */
  public Map<String, String> config() {
    return Map.of("fs.hdfs.dfs.replication", "1", "fs.hdfs.dfs.blocksize", String.valueOf(BLOCK));
  }

  /** A client of the cluster as its superuser, to check what Eddy did. */
  public DistributedFileSystem admin() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public void close() {
    cluster.shutdown();
  }
}
