package io.eddy.core.internal.fs;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystemFactory;
import java.util.Map;

/** Serves plain paths and {@code file:} locations. */
public final class LocalFileSystemFactory implements FileSystemFactory {
  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public FileSystem create(String authority, Map<String, String> config) {
    return LocalFileSystem.INSTANCE;
  }
}
