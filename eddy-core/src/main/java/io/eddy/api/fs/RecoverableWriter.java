package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes files that take part in checkpoints, as an exactly-once file sink needs: a stream can
 * {@linkplain RecoverableStream#persist() persist} what it wrote so far (a checkpoint records the
 * returned token), a restored job {@linkplain #resume resumes} it from that token (dropping what
 * came after), and a closed stream becomes visible under its final name only when {@link #commit}
 * runs (after its checkpoint completed). On a file system with rename the hidden file is renamed;
 * on an object store it is a multipart upload completed by the commit, so nothing of it is visible
 * before.
 *
 * <p>Tokens are opaque bytes that carry their own format version; store them as they are.
 *
 * <p>Threading: thread-safe; each stream is used by one thread.
 */
@PublicEvolving
public interface RecoverableWriter {

  /** Starts a new file that will be visible at {@code finalLocation} once committed. */
  RecoverableStream open(String finalLocation) throws IOException;

  /**
   * Resumes a stream from a {@link RecoverableStream#persist()} token: what was written after that
   * persist is dropped, and writing continues at its length.
   *
   * @throws IOException if the file is gone or shorter than the token says
   */
  RecoverableStream resume(byte[] resumeToken) throws IOException;

  /**
   * Makes a file closed by {@link RecoverableStream#closeForCommit()} visible at its final
   * location. Idempotent: committing again after a failure (the file already visible) succeeds.
   */
  void commit(byte[] commitToken) throws IOException;

  /**
   * Drops what a resume token holds beyond the file itself (an object store's uploaded tail), once
   * no checkpoint needs it. Best effort.
   */
  default void cleanup(byte[] resumeToken) throws IOException {}

  /** The final location a resume or commit token writes to (for messages and listings). */
  String finalLocation(byte[] token) throws IOException;

  /**
   * The visible location of the hidden in-progress file a token refers to, so that a restore can
   * tell a failed attempt's leftovers from files a checkpoint still needs; null where in-progress
   * data is not a file (an object store's open upload).
   */
  default String inProgressLocation(byte[] token) throws IOException {
    return null;
  }

  /** A file being written; not visible at its final location before it is committed. */
  abstract class RecoverableStream extends OutputStream {
    /** Bytes written so far, including those before a resume. */
    public abstract long position() throws IOException;

    /**
     * Makes everything written so far durable and returns the token that {@link #resume} takes to
     * continue from here.
     */
    public abstract byte[] persist() throws IOException;

    /** Finishes and closes the file and returns the token that {@link #commit} takes. */
    public abstract byte[] closeForCommit() throws IOException;
  }
}
