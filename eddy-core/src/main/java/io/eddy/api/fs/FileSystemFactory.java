package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.Map;

/**
 * Makes the {@link FileSystem} of one URI scheme; found by {@link FileSystems} through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.eddy.api.fs.FileSystemFactory}).
 *
 * <p>Threading: called once per configuration, from any thread.
 */
@PublicEvolving
public interface FileSystemFactory {
  /** The scheme it serves ({@code file}, {@code hdfs}, {@code s3}). */
  String scheme();

  /**
   * Makes the file system of {@code authority} (an HDFS name node, an S3 bucket; null for none)
   * with the process's configuration ({@code s3.endpoint}, {@code fs.hdfs.hadoopconf}, ...).
   */
  FileSystem create(String authority, Map<String, String> config) throws IOException;
}
