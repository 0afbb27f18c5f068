package io.eddy.runtime.storage;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local recovery: a TaskManager keeps a copy of the state files its subtasks wrote for their latest
 * checkpoints on its own disk, so a subtask restarted on the same TaskManager restores from the
 * copy instead of downloading from the store. A copy is used only when its length and CRC-32 match
 * what was written (a sidecar file records them); a missing or damaged copy falls back to the
 * store. Copies of the two newest checkpoints of each job are kept.
 *
 * <p>Process-wide, like the local disk it manages: a TaskManager process (or an embedded cluster)
 * {@linkplain #enable enables} it with a directory of its own; with several TaskManagers in one
 * process the first directory serves them all. Thread-safe.
 */
public final class LocalStateCopies {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStateCopies.class);
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");
  private static final String SIDECAR = ".crc";
  private static final int KEEP = 2;

  private static volatile boolean allowed = true;
  private static volatile Path root;
  private static final AtomicLong LOCAL_READS = new AtomicLong();

  private LocalStateCopies() {}

  /** Turns local recovery off (or on again) for this process; off drops the current directory. */
  public static synchronized void setAllowed(boolean allow) {
    allowed = allow;
    if (!allow) {
      root = null;
    }
  }

  /** Keeps local copies under {@code directory}, unless turned off or already enabled. */
  public static synchronized void enable(Path directory) throws IOException {
    if (allowed && root == null) {
      Files.createDirectories(directory);
      root = directory.toAbsolutePath();
      LOG.info("Local recovery: copies of state files kept in {}", root);
    }
  }

  /** Stops keeping copies if {@code directory} is the one in use, and deletes it. */
  public static synchronized void disable(Path directory) {
    Path current = root;
    if (current != null && current.equals(directory.toAbsolutePath())) {
      root = null;
      deleteQuietly(current);
    }
  }

  /** State files read from local copies in this process so far (for tests and metrics). */
  public static long localReads() {
    return LOCAL_READS.get();
  }

  /**
   * {@code storeStream}, also writing a local copy of the state file at {@code storeLocation} when
   * local recovery is on; the copy is complete when the stream closes without error.
   */
  static OutputStream copying(String storeLocation, OutputStream storeStream) {
    Path copy = copyPath(storeLocation);
    if (copy == null) {
      return storeStream;
    }
    try {
      Files.createDirectories(copy.getParent());
      pruneOlderCheckpoints(copy.getParent());
      return new CopyingStream(storeStream, copy);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("No local copy of {}: {}", storeLocation, e.toString());
      return storeStream;
    }
  }

  /** The verified local copy of the state file at {@code storeLocation}, if there is one. */
  static Optional<Path> verifiedCopy(String storeLocation) {
    Path copy = copyPath(storeLocation);
    if (copy == null || !Files.isRegularFile(copy)) {
      return Optional.empty();
    }
    try (DataInputStream sidecar = new DataInputStream(Files.newInputStream(sidecarOf(copy)))) {
      long length = sidecar.readLong();
      long crc = sidecar.readLong();
      if (Files.size(copy) == length && crcOf(copy) == crc) {
        LOCAL_READS.incrementAndGet();
        return Optional.of(copy);
      }
      LOG.warn("The local copy of {} is damaged; reading it from the store", storeLocation);
    } catch (NoSuchFileException e) {
      // the copy was not finished: read from the store
    } catch (IOException e) {
      LOG.warn("Cannot check the local copy of {}: {}", storeLocation, e.toString());
    }
    deleteQuietly(copy);
    return Optional.empty();
  }

  /**
   * Where the copy of a checkpoint's state file goes: {@code <root>/<jobId>/chk-<id>/<file>}, from
   * the last three segments of its store location; null if local recovery is off or the location is
   * not in a checkpoint directory (a savepoint's files are not copied).
   */
  private static Path copyPath(String storeLocation) {
    Path r = root;
    if (r == null) {
      return null;
    }
    String[] segments = storeLocation.split("/");
    if (segments.length < 3) {
      return null;
    }
    String job = segments[segments.length - 3];
    String checkpoint = segments[segments.length - 2];
    String file = segments[segments.length - 1];
    if (!CHECKPOINT_DIR.matcher(checkpoint).matches()
        || job.isEmpty()
        || job.startsWith(".")
        || file.isEmpty()
        || file.startsWith(".")) {
      return null;
    }
    return r.resolve(job).resolve(checkpoint).resolve(file);
  }

  /** Deletes the copies of checkpoints older than the {@link #KEEP} newest of the job. */
  private static void pruneOlderCheckpoints(Path checkpointDir) throws IOException {
    Matcher current = CHECKPOINT_DIR.matcher(checkpointDir.getFileName().toString());
    if (!current.matches()) {
      return;
    }
    long id = Long.parseLong(current.group(1));
    try (Stream<Path> siblings = Files.list(checkpointDir.getParent())) {
      for (Path sibling : siblings.toList()) {
        Matcher m = CHECKPOINT_DIR.matcher(sibling.getFileName().toString());
        if (m.matches() && Long.parseLong(m.group(1)) <= id - KEEP) {
          deleteQuietly(sibling);
        }
      }
    }
  }

  private static Path sidecarOf(Path copy) {
    return copy.resolveSibling(copy.getFileName() + SIDECAR);
  }

  private static long crcOf(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // another subtask's writer may prune the same directory at the same time
      LOG.debug("Cannot delete {}: {}", path, e.toString());
    }
  }

  /**
   * Writes to the store and to the local copy; a failure of the copy only drops the copy. The
   * sidecar is written after the copy is closed, so a copy without one is never trusted.
   */
  private static final class CopyingStream extends FilterOutputStream {
    private final Path copy;
    private final CRC32 crc = new CRC32();
    private OutputStream local;
    private long length;

    CopyingStream(OutputStream store, Path copy) throws IOException {
      super(store);
      this.copy = copy;
      this.local =
          new BufferedOutputStream(
              java.nio.channels.Channels.newOutputStream(
                  FileChannel.open(
                      copy,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.TRUNCATE_EXISTING,
                      StandardOpenOption.WRITE)),
              64 * 1024);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (local != null) {
        crc.update(b);
        length++;
        try {
          local.write(b);
        } catch (IOException e) {
          dropCopy(e);
        }
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      if (local != null) {
        crc.update(b, off, len);
        length += len;
        try {
          local.write(b, off, len);
        } catch (IOException e) {
          dropCopy(e);
        }
      }
    }

    @Override
    public void close() throws IOException {
      out.close(); // the store first: the copy is only worth keeping beside a durable original
      if (local == null) {
        return;
      }
      try {
        local.close();
        local = null;
        try (DataOutputStream sidecar =
            new DataOutputStream(Files.newOutputStream(sidecarOf(copy)))) {
          sidecar.writeLong(length);
          sidecar.writeLong(crc.getValue());
        }
      } catch (IOException e) {
        dropCopy(e);
      }
    }

    private void dropCopy(IOException e) {
      LOG.debug("Dropping the local copy {}: {}", copy, e.toString());
      try {
        if (local != null) {
          local.close();
        }
      } catch (IOException ignored) {
        // dropped either way
      }
      local = null;
      deleteQuietly(copy);
    }
  }
}
