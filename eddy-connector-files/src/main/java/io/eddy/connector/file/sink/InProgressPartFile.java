package io.eddy.connector.file.sink;

import io.eddy.api.common.serialization.BulkWriter;
import io.eddy.api.common.serialization.Encoder;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The hidden part file a bucket is writing: row formats encode each record, bulk formats hand it to
 * a {@link BulkWriter}. Counts the bytes written, which is the length to keep at a checkpoint.
 */
final class InProgressPartFile<IN> implements PartFileInfo<String> {
  private final String bucketId;
  private final Path inProgressPath;
  private final Path finalPath;
  private final long creationTime;
  private long lastUpdateTime;
  private final FileChannel channel;
  private final CountingStream out;
  private final Encoder<IN> encoder; // row format, or null
  private final BulkWriter<IN> bulkWriter; // bulk format, or null

  private InProgressPartFile(
      String bucketId,
      Path inProgressPath,
      Path finalPath,
      long creationTime,
      FileChannel channel,
      long length,
      Encoder<IN> encoder,
      BulkWriter.Factory<IN> bulkFactory)
      throws IOException {
    this.bucketId = bucketId;
    this.inProgressPath = inProgressPath;
    this.finalPath = finalPath;
    this.creationTime = creationTime;
    this.lastUpdateTime = creationTime;
    this.channel = channel;
    this.out = new CountingStream(Channels.newOutputStream(channel), length);
    this.encoder = encoder;
    this.bulkWriter = bulkFactory == null ? null : bulkFactory.create(out);
  }

  /** Creates a new, empty file (an existing one is an error: names are unique). */
  static <IN> InProgressPartFile<IN> create(
      String bucketId,
      Path inProgressPath,
      Path finalPath,
      long now,
      Encoder<IN> encoder,
      BulkWriter.Factory<IN> bulkFactory)
      throws IOException {
    FileChannel channel =
        FileChannel.open(inProgressPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new InProgressPartFile<>(
        bucketId, inProgressPath, finalPath, now, channel, 0, encoder, bulkFactory);
  }

  /**
   * Reopens a row-format file of a checkpoint: cuts off what was written after it and appends.
   *
   * @throws IOException if the file is missing or shorter than the checkpoint recorded
   */
  static <IN> InProgressPartFile<IN> resume(
      FileWriterBucketState state, long now, Encoder<IN> encoder) throws IOException {
    Path path = state.inProgressPath();
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new IOException("In-progress part file of the checkpoint is missing: " + path, e);
    }
    try {
      long size = channel.size();
      if (size < state.validLength()) {
        throw new IOException(
            "In-progress part file "
                + path
                + " has "
                + size
                + " bytes, fewer than the "
                + state.validLength()
                + " of the checkpoint.");
      }
      channel.truncate(state.validLength());
      channel.position(state.validLength());
      channel.force(true); // the cut must be durable before new data follows
      InProgressPartFile<IN> part =
          new InProgressPartFile<>(
              state.bucketId(),
              path,
              Path.of(state.finalFile()),
              state.creationTime(),
              channel,
              state.validLength(),
              encoder,
              null);
      part.lastUpdateTime = now;
      return part;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  void write(IN element, long now) throws IOException {
    if (encoder != null) {
      encoder.encode(element, out);
    } else {
      bulkWriter.addElement(element);
    }
    lastUpdateTime = now;
  }

  /** Flushes and syncs (row formats only): everything up to the returned length is durable. */
  FileWriterBucketState persist() throws IOException {
    out.flush();
    channel.force(false);
    return new FileWriterBucketState(
        bucketId, inProgressPath.toString(), finalPath.toString(), out.count, creationTime);
  }

  /** Finishes, syncs and closes the file; it is then ready to be renamed by the committer. */
  FileSinkCommittable closeForCommit() throws IOException {
    if (bulkWriter != null) {
      bulkWriter.finish();
    }
    out.flush();
    channel.force(true);
    channel.close();
    return new FileSinkCommittable(inProgressPath.toString(), finalPath.toString());
  }

  /** Closes without committing: the file stays for a restore to truncate or delete. */
  void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the file is left for recovery either way
    }
  }

  boolean isBulk() {
    return bulkWriter != null;
  }

  Path inProgressPath() {
    return inProgressPath;
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
    return out.count;
  }

  /** Buffers writes and counts the bytes that went through it. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream channelStream, long initialCount) {
      super(new BufferedOutputStream(channelStream, 64 * 1024));
      this.count = initialCount;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() {
      // the part file closes the channel itself; a bulk writer closing the stream must not
    }
  }
}
