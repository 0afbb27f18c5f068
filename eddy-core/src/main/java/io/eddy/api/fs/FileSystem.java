package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;

/**
 * A file system or object store that Eddy reads and writes by location: an absolute path or a URI
 * of the file system's scheme ({@code file:/tmp/x}, {@code hdfs://nn:8020/x}, {@code
 * s3://bucket/x}). Get one with {@link FileSystems#get}.
 *
 * <p>Object stores have no directories and no rename: there {@link #mkdirs} does nothing, a
 * directory is a key prefix that exists while an object under it does, and {@link
 * #hasAtomicRename()} is false, so callers make a thing visible by writing its last object (a
 * checkpoint's {@code _metadata}) or by committing a {@link RecoverableWriter} stream.
 *
 * <p>Errors are {@link IOException}s whose message names the location and the cause in one line,
 * never a credential; a missing file is a {@link FileNotFoundException}.
 *
 * <p>Threading: implementations are thread-safe; streams they return are for one thread.
 */
@PublicEvolving
public interface FileSystem {

  /** The URI scheme this file system serves ({@code file}, {@code hdfs}, {@code s3}). */
  String scheme();

  /**
   * Opens a file for reading anywhere in it (position it with {@link
   * SeekableByteChannel#position(long)}); the channel is read-only.
   */
  SeekableByteChannel openForRead(String location) throws IOException;

  /** Opens a file for reading from its start. */
  default InputStream open(String location) throws IOException {
    return Channels.newInputStream(openForRead(location));
  }

  /**
   * Creates a file. What is written is durable and visible, whole, when the stream closes without
   * error (on an object store nothing is visible before that); a stream that fails leaves no file
   * or a partial one that callers must not treat as complete.
   */
  OutputStream create(String location, WriteMode mode) throws IOException;

  /** The status of the entry at {@code location}, empty if there is none. */
  Optional<FileStatus> status(String location) throws IOException;

  /** Whether something is at {@code location}. */
  default boolean exists(String location) throws IOException {
    return status(location).isPresent();
  }

  /**
   * The entries directly under the directory {@code location}, sorted by path; empty if it does not
   * exist.
   */
  List<FileStatus> list(String location) throws IOException;

  /**
   * Deletes a file, or a directory with everything under it when {@code recursive}. Returns whether
   * anything was deleted; a missing location is not an error.
   */
  boolean delete(String location, boolean recursive) throws IOException;

  /** Creates a directory and its parents (nothing to do on an object store). */
  void mkdirs(String location) throws IOException;

  /** Whether {@link #rename} replaces atomically, so a rename can commit a file. */
  boolean hasAtomicRename();

  /**
   * Renames a file; the target must not exist. Only where {@link #hasAtomicRename()}; elsewhere an
   * {@link UnsupportedOperationException}.
   */
  void rename(String source, String target) throws IOException;

  /**
   * A writer whose files survive a failure between checkpoints: it can persist what was written so
   * far and resume after a restore, and make a file visible only when its checkpoint commits.
   */
  RecoverableWriter createRecoverableWriter() throws IOException;

  /**
   * Where a file that many writers create at once (a checkpoint's state file) goes: on a file
   * system configured to spread such files over key prefixes (S3 with {@code s3.entropy.key}) the
   * location with its entropy marker replaced by random characters; elsewhere {@link
   * #withoutEntropyMarker}.
   */
  default String spreadLocation(String location) {
    return withoutEntropyMarker(location);
  }

  /** The location with its entropy marker removed (for directories and metadata files). */
  default String withoutEntropyMarker(String location) {
    return location;
  }

  /** The location of {@code child} under the directory {@code parent}. */
  static String child(String parent, String child) {
    return parent.endsWith("/") ? parent + child : parent + "/" + child;
  }

  /** The directory that holds {@code location} (null for a root). */
  static String parent(String location) {
    String l = location;
    while (l.length() > 1 && l.endsWith("/")) {
      l = l.substring(0, l.length() - 1);
    }
    int slash = l.lastIndexOf('/');
    int schemeEnd = l.indexOf("://");
    if (schemeEnd >= 0) {
      int root = l.indexOf('/', schemeEnd + 3); // the slash after the authority
      if (root < 0 || root == l.length() - 1) {
        return null; // s3://bucket or hdfs:///
      }
      return slash <= root ? l.substring(0, root + 1) : l.substring(0, slash);
    }
    if (slash < 0 || l.equals("/")) {
      return null;
    }
    return slash == 0 ? "/" : l.substring(0, slash);
  }
}
