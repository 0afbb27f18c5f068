package io.eddy.fs.hadoop;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.WriteMode;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * One HDFS name node (or HA name service) through Hadoop's client. Locations are {@code
 * hdfs://namenode:port/path} URIs (or {@code hdfs:///path} for the configured default); listings
 * answer in the form they were asked in. A file created here is synced to the data nodes' disks
 * ({@code hsync}) when its stream closes; renames are HDFS's atomic rename, which never replaces.
 *
 * <p>Every error is one line naming the location and the cause (see {@link HdfsErrors}).
 */
final class HadoopFileSystem implements FileSystem {
  private final DistributedFileSystem hdfs;
  private final URI nameNode;

  /**
   * The recoverable streams open on this client, by HDFS path. A resume closes the stream it takes
   * over first: HDFS's client tracks open files by inode, so the old stream, closed later, would
   * end the lease renewal of the new one.
   */
  final ConcurrentMap<String, Closeable> openRecoverableStreams = new ConcurrentHashMap<>();

  HadoopFileSystem(DistributedFileSystem hdfs, URI nameNode) {
    this.hdfs = hdfs;
    this.nameNode = nameNode;
  }

  /** The HDFS path of a location (its path part: the authority chose this file system). */
  static Path toPath(String location) {
    URI uri = URI.create(location);
    String path = uri.getPath();
    return new Path(path == null || path.isEmpty() ? "/" : path);
  }

  DistributedFileSystem hdfs() {
    return hdfs;
  }

  IOException error(String action, String location, Exception e) {
    return HdfsErrors.translate(action, location, nameNode, e);
  }

  /** Runs one call of the HDFS client, its errors turned into one line about {@code location}. */
  <T> T call(String action, String location, HdfsCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (IOException | RuntimeException e) {
      throw error(action, location, e);
    }
  }

  /** A call of the HDFS client. */
  interface HdfsCall<T> {
    T call() throws IOException;
  }

  @Override
  public String scheme() {
    return "hdfs";
  }

  @Override
  public SeekableByteChannel openForRead(String location) throws IOException {
    Path path = toPath(location);
    org.apache.hadoop.fs.FileStatus status;
    FSDataInputStream in;
    try {
      status = hdfs.getFileStatus(path);
      in = status.isDirectory() ? null : hdfs.open(path);
    } catch (IOException | RuntimeException e) {
      throw error("Cannot open", location, e);
    }
    if (in == null) {
      throw new IOException("Cannot open " + location + ": it is a directory");
    }
    return new HdfsReadChannel(in, status.getLen(), location, this);
  }

  @Override
  public OutputStream create(String location, WriteMode mode) throws IOException {
    try {
      FSDataOutputStream out = hdfs.create(toPath(location), mode == WriteMode.OVERWRITE);
      return new SyncingStream(out, location, this);
    } catch (IOException | RuntimeException e) {
      throw error("Cannot create", location, e);
    }
  }

  @Override
  public Optional<FileStatus> status(String location) throws IOException {
    try {
      return Optional.of(convert(location, hdfs.getFileStatus(toPath(location))));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw error("Cannot read the status of", location, e);
    }
  }

  private static FileStatus convert(String location, org.apache.hadoop.fs.FileStatus s) {
    return new FileStatus(
        location, s.isDirectory() ? 0 : s.getLen(), s.isDirectory(), s.getModificationTime());
  }

  @Override
  public List<FileStatus> list(String location) throws IOException {
    Path dir = toPath(location);
    try {
      if (!hdfs.getFileStatus(dir).isDirectory()) {
        return List.of();
      }
      List<FileStatus> entries = new ArrayList<>();
      for (org.apache.hadoop.fs.FileStatus s : hdfs.listStatus(dir)) {
        entries.add(convert(FileSystem.child(location, s.getPath().getName()), s));
      }
      entries.sort(Comparator.comparing(FileStatus::path));
      return entries;
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException | RuntimeException e) {
      throw error("Cannot list", location, e);
    }
  }

  @Override
  public boolean delete(String location, boolean recursive) throws IOException {
    try {
      return hdfs.delete(toPath(location), recursive);
    } catch (IOException | RuntimeException e) {
      throw error("Cannot delete", location, e);
    }
  }

  @Override
  public void mkdirs(String location) throws IOException {
    boolean made;
    try {
      made = hdfs.mkdirs(toPath(location));
    } catch (IOException | RuntimeException e) {
      throw error("Cannot create the directory", location, e);
    }
    if (!made) {
      throw new IOException("Cannot create the directory " + location);
    }
  }

  @Override
  public boolean hasAtomicRename() {
    return true;
  }

  @Override
  public void rename(String source, String target) throws IOException {
    try {
      // unlike rename(Path, Path), this one says why it fails and never moves into a directory
      hdfs.rename(toPath(source), toPath(target), Options.Rename.NONE);
    } catch (FileNotFoundException e) {
      String missing = exists(source) ? FileSystem.parent(target) : source;
      FileNotFoundException notFound = new FileNotFoundException(missing + " does not exist");
      notFound.initCause(e);
      throw notFound;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      java.nio.file.FileAlreadyExistsException exists =
          new java.nio.file.FileAlreadyExistsException(source, target, "the target exists already");
      exists.initCause(e);
      throw exists;
    } catch (IOException | RuntimeException e) {
      throw error("Cannot rename " + source + " to", target, e);
    }
  }

  @Override
  public RecoverableWriter createRecoverableWriter() {
    return new HadoopRecoverableWriter(this);
  }

  /** Syncs the file to the data nodes' disks when closed, so a closed file is durable. */
  private static final class SyncingStream extends OutputStream {
    private final FSDataOutputStream out;
    private final String location;
    private final HadoopFileSystem fs;
    private boolean closed;

    SyncingStream(FSDataOutputStream out, String location, HadoopFileSystem fs) {
      this.out = out;
      this.location = location;
      this.fs = fs;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw fs.error("Cannot write", location, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw fs.error("Cannot write", location, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw fs.error("Cannot write", location, e);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.hsync();
      } catch (IOException e) {
        try {
          out.close(); // releases the file's lease; it often fails the same way
        } catch (IOException again) {
          if (again != e) {
            e.addSuppressed(again);
          }
        }
        throw fs.error("Cannot write", location, e);
      }
      try {
        out.close();
      } catch (IOException e) {
        throw fs.error("Cannot write", location, e);
      }
    }
  }
}
