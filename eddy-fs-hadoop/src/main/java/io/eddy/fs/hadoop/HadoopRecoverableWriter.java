package io.eddy.fs.hadoop;

import io.eddy.api.fs.RecoverableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.client.HdfsDataOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recoverable files on HDFS, named as on the local file system: a file is written under a hidden
 * name beside its final one ({@code .<name>.inprogress.<uuid>}), synced to the data nodes' disks at
 * each persist ({@code hsync}, which flushes the pipeline first), cut back to the persisted length
 * on resume, and renamed on commit.
 *
 * <p>Resume takes the file over from the writer that died: it recovers the file's lease (which
 * closes the file at the length the data nodes hold), truncates it to the token's length (HDFS then
 * recovers the last block before the file can be appended to) and appends. Both recoveries run on
 * the data nodes; resume waits for them, at most {@link #RECOVERY_TIMEOUT}. A stream that this
 * process still has open on the file is closed first (see {@link
 * HadoopFileSystem#openRecoverableStreams}).
 *
 * <p>Tokens (version 1): the final location, the hidden file's name and, for a resume token, the
 * length.
 */
final class HadoopRecoverableWriter implements RecoverableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(HadoopRecoverableWriter.class);
  private static final int VERSION = 1;
  static final String IN_PROGRESS = ".inprogress.";
  static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(2);
  private static final long POLL_MILLIS = 100;

  private final HadoopFileSystem fs;
  private final DistributedFileSystem hdfs;

  HadoopRecoverableWriter(HadoopFileSystem fs) {
    this.fs = fs;
    this.hdfs = fs.hdfs();
  }

  @Override
  public RecoverableStream open(String finalLocation) throws IOException {
    Path target = HadoopFileSystem.toPath(finalLocation);
    Token token =
        new Token(finalLocation, "." + target.getName() + IN_PROGRESS + UUID.randomUUID(), 0);
    String hidden = token.hidden();
    FSDataOutputStream out;
    try {
      out = hdfs.create(HadoopFileSystem.toPath(hidden), false);
    } catch (IOException | RuntimeException e) {
      throw fs.error("Cannot create", hidden, e);
    }
    return HdfsStream.opened(out, token, fs);
  }

  @Override
  public RecoverableStream resume(byte[] resumeToken) throws IOException {
    Token token = Token.read(resumeToken, true);
    String hidden = token.hidden();
    Path path = HadoopFileSystem.toPath(hidden);
    String action = "Cannot resume";
    if (!fs.call(action, hidden, () -> hdfs.exists(path))) {
      throw new IOException("The in-progress file of the checkpoint is missing: " + hidden);
    }
    Closeable sameClient = fs.openRecoverableStreams.remove(path.toString());
    if (sameClient != null) {
      try {
        sameClient.close(); // what it wrote after the persist is cut below
      } catch (IOException e) {
        // its pipeline may be broken: the lease recovery below closes the file all the same
      }
    }
    // the writer that persisted may still hold the file open (in another process): take its lease
    awaitClosed(path, hidden, fs.call(action, hidden, () -> hdfs.recoverLease(path)));
    long size = fs.call(action, hidden, () -> hdfs.getFileStatus(path).getLen());
    if (size < token.length) {
      throw new IOException(
          "The in-progress file "
              + hidden
              + " has "
              + size
              + " bytes, fewer than the "
              + token.length
              + " of the checkpoint");
    }
    if (size > token.length) {
      // false: the last block is being recovered to the new length; the file is closed after
      awaitClosed(path, hidden, fs.call(action, hidden, () -> hdfs.truncate(path, token.length)));
    }
    LOG.info("Resuming {} at {} of its {} bytes", hidden, token.length, size);
    return HdfsStream.opened(fs.call(action, hidden, () -> hdfs.append(path)), token, fs);
  }

  /** Waits until HDFS has closed the file (a lease or truncate recovery has finished). */
  private void awaitClosed(Path path, String location, boolean closed) throws IOException {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    while (!closed) {
      if (System.nanoTime() - deadline > 0) {
        throw new IOException(
            "Cannot resume "
                + location
                + ": HDFS did not finish recovering the file within "
                + RECOVERY_TIMEOUT.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(POLL_MILLIS); // the recovery runs on the data nodes; HDFS offers no callback
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while HDFS recovers " + location);
      }
      closed = fs.call("Cannot resume", location, () -> hdfs.isFileClosed(path));
    }
  }

  @Override
  public void commit(byte[] commitToken) throws IOException {
    Token token = Token.read(commitToken, false);
    String hidden = token.hidden();
    Path from = HadoopFileSystem.toPath(hidden);
    Path to = HadoopFileSystem.toPath(token.target);
    String action = "Cannot commit";
    if (!fs.call(action, hidden, () -> hdfs.exists(from))) {
      if (fs.call(action, token.target, () -> hdfs.exists(to))) {
        return; // committed before a failure
      }
      throw new IOException(
          "Cannot commit " + token.target + ": neither it nor " + hidden + " exists");
    }
    // atomic: readers see the whole file under its final name or nothing
    fs.call(
        action,
        token.target,
        () -> {
          hdfs.rename(from, to, Options.Rename.OVERWRITE);
          return null;
        });
  }

  @Override
  public String finalLocation(byte[] token) throws IOException {
    return Token.read(token, token.length > 0 && token[0] == 'R').target;
  }

  @Override
  public String inProgressLocation(byte[] token) throws IOException {
    return Token.read(token, token.length > 0 && token[0] == 'R').hidden();
  }

  /**
   * A decoded token; the first byte tells a resume token ('R') from a commit token ('C'). {@code
   * target} is the final location as the caller named it, {@code hiddenName} the in-progress file's
   * name in the same directory.
   */
  private record Token(String target, String hiddenName, long length) {
    /** The in-progress file's location: the target's with its last segment replaced. */
    String hidden() {
      return target.substring(0, target.lastIndexOf('/') + 1) + hiddenName;
    }

    Token at(long newLength) {
      return new Token(target, hiddenName, newLength);
    }

    byte[] write(boolean resume) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(resume ? 'R' : 'C');
        out.writeByte(VERSION);
        out.writeUTF(target);
        out.writeUTF(hiddenName);
        if (resume) {
          out.writeLong(length);
        }
      }
      return bytes.toByteArray();
    }

    static Token read(byte[] token, boolean resume) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(token))) {
        int kind = in.readByte();
        int version = in.readByte();
        if (kind != (resume ? 'R' : 'C') || version != VERSION) {
          throw new IOException(
              "Not a "
                  + (resume ? "resume" : "commit")
                  + " token of the HDFS file system (kind "
                  + kind
                  + ", version "
                  + version
                  + ")");
        }
        String target = in.readUTF();
        String hiddenName = in.readUTF();
        return new Token(target, hiddenName, resume ? in.readLong() : -1);
      }
    }
  }

  private static final class HdfsStream extends RecoverableStream {
    private final FSDataOutputStream out;
    private final Token token;
    private final HadoopFileSystem fs;
    private long position;

    private HdfsStream(FSDataOutputStream out, Token token, HadoopFileSystem fs) {
      this.out = out;
      this.token = token;
      this.fs = fs;
      this.position = token.length;
    }

    static HdfsStream opened(FSDataOutputStream out, Token token, HadoopFileSystem fs) {
      HdfsStream stream = new HdfsStream(out, token, fs);
      fs.openRecoverableStreams.put(stream.key(), stream);
      return stream;
    }

    private String key() {
      return HadoopFileSystem.toPath(token.hidden()).toString();
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw fs.error("Cannot write", token.hidden(), e);
      }
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw fs.error("Cannot write", token.hidden(), e);
      }
      position += len;
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw fs.error("Cannot write", token.hidden(), e);
      }
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public byte[] persist() throws IOException {
      sync();
      return token.at(position).write(true);
    }

    @Override
    public byte[] closeForCommit() throws IOException {
      sync();
      fs.openRecoverableStreams.remove(key(), this);
      try {
        out.close();
      } catch (IOException e) {
        throw fs.error("Cannot close", token.hidden(), e);
      }
      return token.at(position).write(false);
    }

    /** The bytes written so far reach every data node of the pipeline and their disks. */
    private void sync() throws IOException {
      try {
        if (out instanceof HdfsDataOutputStream hdfsOut) {
          // the name node learns the length too, so a status shows what was persisted
          hdfsOut.hsync(EnumSet.of(HdfsDataOutputStream.SyncFlag.UPDATE_LENGTH));
        } else {
          out.hsync();
        }
      } catch (IOException e) {
        throw fs.error("Cannot persist", token.hidden(), e);
      }
    }

    /** Closes without committing: the file stays for a restore to cut back or for cleanup. */
    @Override
    public void close() throws IOException {
      fs.openRecoverableStreams.remove(key(), this);
      try {
        out.close();
      } catch (IOException e) {
        throw fs.error("Cannot close", token.hidden(), e);
      }
    }
  }
}
