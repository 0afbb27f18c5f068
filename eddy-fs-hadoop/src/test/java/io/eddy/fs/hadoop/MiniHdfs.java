package io.eddy.fs.hadoop;

import java.io.IOException;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * The one {@link HdfsTestServer} of this module's tests: started by the first test that asks,
 * stopped when the JVM exits.
 */
final class MiniHdfs {
  /** Block size of the cluster and of the clients that tests configure. */
  static final int BLOCK = HdfsTestServer.BLOCK;

  private static HdfsTestServer server;

  private MiniHdfs() {}

  static synchronized HdfsTestServer server() throws IOException {
    if (server == null) {
      HdfsTestServer started = HdfsTestServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      server = started;
    }
    return server;
  }

  /** The name node's URI, {@code hdfs://localhost:port}. */
  static String uri() throws IOException {
    return server().uri();
  }

  /** The name node's {@code host:port}. */
  static String authority() throws IOException {
    return server().authority();
  }

  /** A client of the cluster as its superuser, to check what Eddy's file system did. */
  static DistributedFileSystem admin() throws IOException {
    return server().admin();
  }
}
