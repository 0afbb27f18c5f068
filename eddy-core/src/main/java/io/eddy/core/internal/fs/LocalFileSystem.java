package io.eddy.core.internal.fs;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.WriteMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local (or mounted) file system. Locations are plain paths or {@code file:} URIs; listings
 * answer in the form they were asked in. Files are forced to disk when their stream closes, and
 * renames are atomic and made durable by syncing the directory.
 */
public final class LocalFileSystem implements FileSystem {
  static final LocalFileSystem INSTANCE = new LocalFileSystem();

  private LocalFileSystem() {}

  /** The path of a plain path or {@code file:} location. */
  public static Path toPath(String location) {
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      return Path.of(URI.create(location));
    }
    return Path.of(location);
  }

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public SeekableByteChannel openForRead(String location) throws IOException {
    try {
      return FileChannel.open(toPath(location), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw notFound(location);
    }
  }

  @Override
  public OutputStream create(String location, WriteMode mode) throws IOException {
    Path path = toPath(location);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel channel;
    try {
      channel =
          mode == WriteMode.OVERWRITE
              ? FileChannel.open(
                  path,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)
              : FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(location, null, "it exists already");
    }
    return new SyncingStream(channel);
  }

  @Override
  public Optional<FileStatus> status(String location) throws IOException {
    Path path = toPath(location);
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return Optional.of(
          new FileStatus(
              location,
              a.isDirectory() ? 0 : a.size(),
              a.isDirectory(),
              a.lastModifiedTime().toMillis()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<FileStatus> list(String location) throws IOException {
    Path dir = toPath(location);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<FileStatus> entries = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        status(FileSystem.child(location, child.getFileName().toString())).ifPresent(entries::add);
      }
    }
    entries.sort(Comparator.comparing(FileStatus::path));
    return entries;
  }

  @Override
  public boolean delete(String location, boolean recursive) throws IOException {
    Path path = toPath(location);
    if (!Files.exists(path)) {
      return false;
    }
    if (!recursive || !Files.isDirectory(path)) {
      try {
        return Files.deleteIfExists(path);
      } catch (DirectoryNotEmptyException e) {
        throw new IOException("Cannot delete " + location + ": the directory is not empty", e);
      }
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
    return true;
  }

  @Override
  public void mkdirs(String location) throws IOException {
    Files.createDirectories(toPath(location));
  }

  @Override
  public boolean hasAtomicRename() {
    return true;
  }

  @Override
  public void rename(String source, String target) throws IOException {
    Path from = toPath(source);
    Path to = toPath(target);
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("The file system of " + target + " cannot rename atomically", e);
    } catch (NoSuchFileException e) {
      throw notFound(source);
    }
    forceDirectory(to.toAbsolutePath().getParent());
  }

  @Override
  public RecoverableWriter createRecoverableWriter() {
    return new LocalRecoverableWriter();
  }

  static FileNotFoundException notFound(String location) {
    return new FileNotFoundException(location + " does not exist");
  }

  /** Makes a rename in {@code dir} durable (where the platform allows opening directories). */
  static void forceDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform can open a directory; the rename happened either way
    }
  }

  /** Forces the file to disk when closed, so a closed file is durable. */
  private static final class SyncingStream extends java.io.FilterOutputStream {
    private final FileChannel channel;
    private boolean closed;

    SyncingStream(FileChannel channel) {
      super(new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
      this.channel = channel;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.flush();
        channel.force(true);
      } finally {
        channel.close();
      }
    }
  }
}
