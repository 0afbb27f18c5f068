package io.eddy.connector.file;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.SourceSplit;
import java.util.Objects;

/**
 * A byte range {@code [start, end)} of one file, and the position to continue reading it from.
 *
 * <p>A split owns every line whose first byte lies in {@code [start, end)}: its reader skips the
 * partial line it starts in (unless {@code start} is 0) and reads its last line past {@code end} to
 * the line's end. {@code position} is the offset of the next line to read; it equals {@code start}
 * until the reader has emitted a line of the split (then the partial first line is skipped again on
 * restore, which is correct as nothing was emitted yet).
 */
@PublicEvolving
public final class FileSourceSplit implements SourceSplit {
  private final String path;
  private final long start;
  private final long end;
  private final long position;

  /** A split that has not been read yet. */
  public FileSourceSplit(String path, long start, long end) {
    this(path, start, end, start);
  }

  public FileSourceSplit(String path, long start, long end, long position) {
    if (start < 0 || end < start || position < start) {
      throw new IllegalArgumentException(
          "Invalid file split " + path + " [" + start + ", " + end + ") at " + position);
    }
    this.path = Objects.requireNonNull(path, "path");
    this.start = start;
    this.end = end;
    this.position = position;
  }

  @Override
  public String splitId() {
    return path + ":" + start;
  }

  public String path() {
    return path;
  }

  /** The first byte of the range. */
  public long start() {
    return start;
  }

  /** The end of the range, exclusive. */
  public long end() {
    return end;
  }

  /** The offset of the next line to read, or {@link #start()} if none was read. */
  public long position() {
    return position;
  }

  /** The same split, to be continued from {@code newPosition}. */
  public FileSourceSplit withPosition(long newPosition) {
    return new FileSourceSplit(path, start, end, newPosition);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSourceSplit other
        && path.equals(other.path)
        && start == other.start
        && end == other.end
        && position == other.position;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, start, end, position);
  }

  @Override
  public String toString() {
    return "FileSourceSplit{" + path + " [" + start + ", " + end + ") at " + position + "}";
  }
}
