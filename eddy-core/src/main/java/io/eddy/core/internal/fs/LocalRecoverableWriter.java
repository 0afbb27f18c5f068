package io.eddy.core.internal.fs;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.RecoverableWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Recoverable files on the local file system: a file is written under a hidden name beside its
 * final one ({@code .<name>.inprogress.<uuid>}), synced at each persist, cut back to the persisted
 * length on resume, and renamed atomically on commit.
 *
 * <p>Tokens (version 1): the hidden path, the final path and, for a resume token, the length.
 */
final class LocalRecoverableWriter implements RecoverableWriter {
  private static final int VERSION = 1;
  static final String IN_PROGRESS = ".inprogress.";

  @Override
  public RecoverableStream open(String finalLocation) throws IOException {
    Path target = LocalFileSystem.toPath(finalLocation).toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path hidden =
        target.resolveSibling("." + target.getFileName() + IN_PROGRESS + UUID.randomUUID());
    FileChannel channel =
        FileChannel.open(hidden, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new LocalStream(channel, hidden, finalLocation, 0);
  }

  @Override
  public RecoverableStream resume(byte[] resumeToken) throws IOException {
    Token token = Token.read(resumeToken, true);
    FileChannel channel;
    try {
      channel = FileChannel.open(token.hidden, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new IOException("The in-progress file of the checkpoint is missing: " + token.hidden);
    }
    try {
      long size = channel.size();
      if (size < token.length) {
        throw new IOException(
            "The in-progress file "
                + token.hidden
                + " has "
                + size
                + " bytes, fewer than the "
                + token.length
                + " of the checkpoint");
      }
      channel.truncate(token.length);
      channel.position(token.length);
      channel.force(true); // the cut must be durable before new data follows
      return new LocalStream(channel, token.hidden, token.target, token.length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void commit(byte[] commitToken) throws IOException {
    Token token = Token.read(commitToken, false);
    Path target = token.targetPath();
    if (!Files.exists(token.hidden)) {
      if (Files.exists(target)) {
        return; // committed before a failure
      }
      throw new IOException(
          "Cannot commit " + token.target + ": neither it nor " + token.hidden + " exists");
    }
    try {
      // atomic: readers see the whole file under its final name or nothing
      Files.move(token.hidden, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(token.hidden, target, StandardCopyOption.REPLACE_EXISTING);
    }
    LocalFileSystem.forceDirectory(target.getParent());
  }

  @Override
  public String finalLocation(byte[] token) throws IOException {
    return Token.read(token, token.length > 0 && token[0] == 'R').target;
  }

  /** The hidden file's location in the form the final location was given (path or URI). */
  @Override
  public String inProgressLocation(byte[] token) throws IOException {
    Token t = Token.read(token, token.length > 0 && token[0] == 'R');
    return FileSystem.child(FileSystem.parent(t.target), t.hidden.getFileName().toString());
  }

  /**
   * A decoded token; the first byte tells a resume token ('R') from a commit token ('C'). {@code
   * target} is the final location as the caller named it.
   */
  private record Token(Path hidden, String target, long length) {
    Path targetPath() {
      return LocalFileSystem.toPath(target).toAbsolutePath();
    }

    byte[] write(boolean resume) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(resume ? 'R' : 'C');
        out.writeByte(VERSION);
        out.writeUTF(hidden.toString());
        out.writeUTF(target);
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
                  + " token of the local file system (kind "
                  + kind
                  + ", version "
                  + version
                  + ")");
        }
        Path hidden = Path.of(in.readUTF());
        String target = in.readUTF();
        return new Token(hidden, target, resume ? in.readLong() : -1);
      }
    }
  }

  private static final class LocalStream extends RecoverableStream {
    private final FileChannel channel;
    private final OutputStream out;
    private final Path hidden;
    private final String target;
    private long position;

    LocalStream(FileChannel channel, Path hidden, String target, long position) {
      this.channel = channel;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      this.hidden = hidden;
      this.target = target;
      this.position = position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public byte[] persist() throws IOException {
      out.flush();
      channel.force(false);
      return new Token(hidden, target, position).write(true);
    }

    @Override
    public byte[] closeForCommit() throws IOException {
      out.flush();
      channel.force(true);
      channel.close();
      return new Token(hidden, target, position).write(false);
    }

    /** Closes without committing: the file stays for a restore to cut back or for cleanup. */
    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
