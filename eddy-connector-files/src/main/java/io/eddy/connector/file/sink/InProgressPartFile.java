package io.eddy.connector.file.sink;

import io.eddy.api.common.serialization.BulkWriter;
import io.eddy.api.common.serialization.Encoder;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.RecoverableWriter.RecoverableStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The part file a bucket is writing, through its file system's {@link RecoverableWriter}: row
 * formats encode each record, bulk formats hand it to a {@link BulkWriter}. Not visible at its
 * final location before it is committed.
 */
final class InProgressPartFile<IN> implements PartFileInfo<String> {
  private final String bucketId;
  private final String finalLocation;
  private final long creationTime;
  private long lastUpdateTime;
  private final RecoverableStream stream;
  private final Encoder<IN> encoder; // row format, or null
  private final BulkWriter<IN> bulkWriter; // bulk format, or null

  private InProgressPartFile(
      String bucketId,
      String finalLocation,
      long creationTime,
      RecoverableStream stream,
      Encoder<IN> encoder,
      BulkWriter.Factory<IN> bulkFactory)
      throws IOException {
    this.bucketId = bucketId;
    this.finalLocation = finalLocation;
    this.creationTime = creationTime;
    this.lastUpdateTime = creationTime;
    this.stream = stream;
    this.encoder = encoder;
    this.bulkWriter = bulkFactory == null ? null : bulkFactory.create(new Unclosable(stream));
  }

  /** Starts a new file that becomes visible at {@code finalLocation} when committed. */
  static <IN> InProgressPartFile<IN> create(
      RecoverableWriter writer,
      String bucketId,
      String finalLocation,
      long now,
      Encoder<IN> encoder,
      BulkWriter.Factory<IN> bulkFactory)
      throws IOException {
    return new InProgressPartFile<>(
        bucketId, finalLocation, now, writer.open(finalLocation), encoder, bulkFactory);
  }

  /**
   * Resumes a row-format file of a checkpoint: what was written after it is dropped.
   *
   * @throws IOException if the file is missing or shorter than the checkpoint recorded
   */
  static <IN> InProgressPartFile<IN> resume(
      RecoverableWriter writer, FileWriterBucketState state, long now, Encoder<IN> encoder)
      throws IOException {
    InProgressPartFile<IN> part =
        new InProgressPartFile<>(
            state.bucketId(),
            state.finalFile(),
            state.creationTime(),
            writer.resume(state.resumeToken()),
            encoder,
            null);
    part.lastUpdateTime = now;
    return part;
  }

  void write(IN element, long now) throws IOException {
    if (encoder != null) {
      encoder.encode(element, stream);
    } else {
      bulkWriter.addElement(element);
    }
    lastUpdateTime = now;
  }

  /** Persists (row formats only): everything written so far survives a failure. */
  FileWriterBucketState persist() throws IOException {
    byte[] token = stream.persist();
    return new FileWriterBucketState(
        bucketId, token, finalLocation, stream.position(), creationTime);
  }

  /** Finishes and closes the file; it is then ready to be committed. */
  FileSinkCommittable closeForCommit() throws IOException {
    if (bulkWriter != null) {
      bulkWriter.finish();
    }
    return new FileSinkCommittable(stream.closeForCommit(), finalLocation);
  }

  /** Closes without committing: the file stays for a restore to resume or clean up. */
  void closeQuietly() {
    try {
      stream.close();
    } catch (IOException ignored) {
      // the file is left for recovery either way
    }
  }

  boolean isBulk() {
    return bulkWriter != null;
  }

  @Override
  public String getBucketId() {
    return bucketId;
  }

  @Override
  public long getCreationTime() {
    return creationTime;
  }

  @Override
  public long getLastUpdateTime() {
    return lastUpdateTime;
  }

  @Override
  public long getSize() {
    try {
      return stream.position();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A bulk writer closing its stream must not close the part file. */
  private static final class Unclosable extends FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
