/**
 * The {@code hdfs://} file system: {@link io.eddy.api.fs.FileSystem} and {@link
 * io.eddy.api.fs.RecoverableWriter} over Hadoop's HDFS client (the shaded {@code
 * hadoop-client-api}/{@code hadoop-client-runtime}), found by {@link io.eddy.api.fs.FileSystems}
 * through {@link HadoopFileSystemFactory}. Imports eddy-core's {@code io.eddy.api.fs} and Hadoop
 * only.
 */
package io.eddy.fs.hadoop;
