package io.eddy.fs.hadoop;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystemFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Serves {@code hdfs://} locations. Configuration keys (of the cluster configuration, or system
 * properties in an embedded job):
 *
 * <ul>
 *   <li>{@code fs.hdfs.hadoopconf}: a Hadoop configuration directory whose {@code core-site.xml}
 *       and {@code hdfs-site.xml} are loaded (else the {@code HADOOP_CONF_DIR} environment
 *       variable's, else Hadoop's defaults);
 *   <li>{@code fs.hdfs.user}: the user to act as on a cluster with simple authentication (else the
 *       process's user, or {@code HADOOP_USER_NAME});
 *   <li>any other {@code fs.hdfs.<hadoop key>}: sets that Hadoop key, over the configuration
 *       directory ({@code fs.hdfs.dfs.replication=2}).
 * </ul>
 *
 * <p>{@code hdfs:///path} (no name node) uses the configuration's {@code fs.defaultFS}.
 */
public final class HadoopFileSystemFactory implements FileSystemFactory {
  static final String PREFIX = "fs.hdfs.";
  static final String HADOOP_CONF = "fs.hdfs.hadoopconf";
  static final String USER = "fs.hdfs.user";

  @Override
  public String scheme() {
    return "hdfs";
  }

  @Override
  public FileSystem create(String authority, Map<String, String> config) throws IOException {
    Configuration conf = hadoopConfiguration(config, System.getenv("HADOOP_CONF_DIR"));
    URI uri = nameNode(authority, conf);
    String user = config.get(USER);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // Hadoop finds its file-system classes through the context class loader
    Thread.currentThread().setContextClassLoader(HadoopFileSystemFactory.class.getClassLoader());
    org.apache.hadoop.fs.FileSystem hadoop;
    try {
      hadoop =
          user == null
              ? org.apache.hadoop.fs.FileSystem.newInstance(uri, conf)
              : org.apache.hadoop.fs.FileSystem.newInstance(uri, conf, user);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted while connecting to " + uri);
    } catch (IOException | IllegalArgumentException e) {
      throw HdfsErrors.translate("Cannot open the file system", uri.toString(), uri, e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    if (!(hadoop instanceof DistributedFileSystem dfs)) {
      String type = hadoop.getClass().getName();
      hadoop.close();
      throw new IOException(
          "The Hadoop configuration serves " + uri + " with " + type + ", not HDFS's client");
    }
    return new HadoopFileSystem(dfs, uri);
  }

  /**
   * The Hadoop configuration of Eddy's {@code fs.hdfs.*} keys: the configuration directory's files,
   * then the other keys over them.
   */
  static Configuration hadoopConfiguration(Map<String, String> config, String hadoopConfDirEnv)
      throws IOException {
    Configuration conf = new Configuration();
    conf.setClassLoader(HadoopFileSystemFactory.class.getClassLoader());
    String dir = config.get(HADOOP_CONF);
    String key = HADOOP_CONF;
    if (dir == null && hadoopConfDirEnv != null && !hadoopConfDirEnv.isBlank()) {
      dir = hadoopConfDirEnv;
      key = "HADOOP_CONF_DIR";
    }
    if (dir != null) {
      File directory = new File(dir);
      if (!directory.isDirectory()) {
        throw new IOException(key + " names " + dir + ", which is not a directory");
      }
      boolean any = false;
      for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
        File file = new File(directory, name);
        if (file.isFile()) {
          conf.addResource(new org.apache.hadoop.fs.Path(file.getAbsolutePath()));
          any = true;
        }
      }
      if (!any) {
        throw new IOException(
            key + " names " + dir + ", which holds neither core-site.xml nor hdfs-site.xml");
      }
      try {
        conf.get("fs.defaultFS"); // Hadoop reads the files lazily: a broken one fails here
      } catch (RuntimeException e) {
        throw new IOException(
            "Cannot read the Hadoop configuration in "
                + dir
                + ": "
                + HdfsErrors.firstLine(HdfsErrors.rootCause(e)),
            e);
      }
    }
    config.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX) && !k.equals(HADOOP_CONF) && !k.equals(USER)) {
            conf.set(k.substring(PREFIX.length()), v);
          }
        });
    return conf;
  }

  private static URI nameNode(String authority, Configuration conf) throws IOException {
    if (authority != null && !authority.isEmpty()) {
      return URI.create("hdfs://" + authority);
    }
    URI defaultFs = org.apache.hadoop.fs.FileSystem.getDefaultUri(conf);
    if (!"hdfs".equalsIgnoreCase(defaultFs.getScheme()) || defaultFs.getAuthority() == null) {
      throw new IOException(
          "An hdfs:/// location names no name node, and the Hadoop configuration's fs.defaultFS ("
              + defaultFs
              + ") is no hdfs:// one: name it (hdfs://namenode:8020/path) or set "
              + HADOOP_CONF);
    }
    return URI.create("hdfs://" + defaultFs.getAuthority());
  }
}
