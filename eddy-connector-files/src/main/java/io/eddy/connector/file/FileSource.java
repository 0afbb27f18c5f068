package io.eddy.connector.file;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.connector.file.internal.FileSplitPlanner;
import io.eddy.connector.file.internal.TextLineCursor;
import io.eddy.core.internal.connector.source.OnDemandSplitEnumerator;
import io.eddy.core.internal.connector.source.SplitCursor;
import io.eddy.core.internal.connector.source.SplitListSerializer;
import io.eddy.core.internal.connector.source.SplitQueueReader;
import java.io.IOException;
import java.util.List;

/**
 * A bounded source of the lines of a text file, or of the files in a directory.
 *
 * <p>Lines are UTF-8 and end at {@code '\n'}; a trailing {@code '\r'} is removed and a last line
 * without {@code '\n'} is read too. Each line is emitted exactly once (and exactly once across
 * failures: checkpoints hold the offset of each split's next line). Line order is kept within a
 * split, not across splits.
 *
 * <p>Input listing: when the job is submitted, the path is listed: a file is read as is; for a
 * directory, its files are read except those whose names start with {@code .} or {@code _} (hidden
 * and marker files, as in Hadoop). Subdirectories are read only with {@link
 * #withRecursiveListing(boolean) withRecursiveListing(true)} (the same name rule applies to them).
 * A missing path fails the job with {@code Input path does not exist: <path>}. An empty directory
 * yields no records.
 *
 * <p>Splitting: each file is cut into byte ranges of {@link #withSplitSize split size} bytes
 * (default {@value #DEFAULT_SPLIT_SIZE}), handed out to readers on request. A range owns the lines
 * whose first byte lies in it.
 */
@PublicEvolving
public final class FileSource implements Source<String, FileSourceSplit, List<FileSourceSplit>> {
  private static final long serialVersionUID = 1L;

  /** 32 MiB. */
  public static final long DEFAULT_SPLIT_SIZE = 32L * 1024 * 1024;

  private final String path;
  private final long splitSize;
  private final boolean recursive;

  private FileSource(String path, long splitSize, boolean recursive) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("The input path must not be empty");
    }
    if (splitSize <= 0) {
      throw new IllegalArgumentException("The split size must be positive: " + splitSize);
    }
    this.path = path;
    this.splitSize = splitSize;
    this.recursive = recursive;
  }

  /**
   * Reads the lines of the file or directory at {@code path}: a local path or a location of any
   * file system ({@code file:}, {@code hdfs://}, {@code s3://}).
   */
  public static FileSource forTextLines(String path) {
    return new FileSource(path, DEFAULT_SPLIT_SIZE, false);
  }

  /** This source with files cut into splits of at most {@code bytes} bytes. */
  public FileSource withSplitSize(long bytes) {
    return new FileSource(path, bytes, recursive);
  }

  /** This source, reading subdirectories too if {@code recursive}. */
  public FileSource withRecursiveListing(boolean recursive) {
    return new FileSource(path, splitSize, recursive);
  }

  public String getPath() {
    return path;
  }

  public long getSplitSize() {
    return splitSize;
  }

  public boolean isRecursive() {
    return recursive;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<String, FileSourceSplit> createReader(SourceReaderContext readerContext) {
    return new Reader(readerContext);
  }

  /**
   * Lists the input and plans the splits.
   *
   * @throws java.io.FileNotFoundException {@code Input path does not exist: <path>}
   */
  @Override
  public SplitEnumerator<FileSourceSplit, List<FileSourceSplit>> createEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext) throws IOException {
    return new OnDemandSplitEnumerator<>(
        enumContext, FileSplitPlanner.plan(path, splitSize, recursive));
  }

  @Override
  public SplitEnumerator<FileSourceSplit, List<FileSourceSplit>> restoreEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext, List<FileSourceSplit> checkpoint) {
    return new OnDemandSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
    return new FileSourceSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<FileSourceSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(new FileSourceSplitSerializer());
  }

  private static final class Reader extends SplitQueueReader<String, FileSourceSplit> {
    Reader(SourceReaderContext context) {
      super(context, DEFAULT_BATCH_SIZE, null);
    }

    @Override
    protected SplitCursor<String, FileSourceSplit> openCursor(FileSourceSplit split)
        throws IOException {
      return TextLineCursor.open(split);
    }
  }
}
