package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;

/**
 * What a listing or a status call tells about one entry.
 *
 * @param path the entry's location, in the scheme of the file system that listed it
 * @param length bytes (0 for a directory)
 * @param directory whether it is a directory (on an object store: a common key prefix)
 * @param modificationTime milliseconds since the epoch (0 where the store does not say)
 */
@PublicEvolving
public record FileStatus(String path, long length, boolean directory, long modificationTime) {

  /** The last segment of the path (the file or directory name). */
  public String name() {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
