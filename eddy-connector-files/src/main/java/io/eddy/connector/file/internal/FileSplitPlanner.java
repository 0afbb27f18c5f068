package io.eddy.connector.file.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.connector.file.FileSourceSplit;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the input files of a location (any {@link FileSystem}: a path, {@code hdfs://}, {@code
 * s3://}) and cuts them into splits of at most {@code splitSize} bytes. Runs on the JobManager when
 * the job is submitted.
 *
 * <p>A directory's entries whose names start with {@code .} or {@code _} (hidden files, marker
 * files such as {@code _SUCCESS}) are skipped; subdirectories are listed only when {@code
 * recursive}. Empty files yield no split. Files are visited in name order.
 */
@Internal
public final class FileSplitPlanner {
  private FileSplitPlanner() {}

  /**
   * @throws FileNotFoundException {@code Input path does not exist: <location>} if it does not
   */
  public static List<FileSourceSplit> plan(String input, long splitSize, boolean recursive)
      throws IOException {
    if (splitSize <= 0) {
      throw new IllegalArgumentException("The split size must be positive: " + splitSize);
    }
    String location = FileSystems.absolute(input);
    FileSystem fs = FileSystems.get(location);
    FileStatus status =
        fs.status(location)
            .orElseThrow(() -> new FileNotFoundException("Input path does not exist: " + input));
    List<FileStatus> files = new ArrayList<>();
    if (status.directory()) {
      listDirectory(fs, location, recursive, files);
    } else {
      files.add(status);
    }
    List<FileSourceSplit> splits = new ArrayList<>();
    for (FileStatus file : files) {
      long size = file.length();
      for (long start = 0; start < size; start += splitSize) {
        splits.add(new FileSourceSplit(file.path(), start, Math.min(size, start + splitSize)));
      }
    }
    return splits;
  }

  private static void listDirectory(
      FileSystem fs, String dir, boolean recursive, List<FileStatus> files) throws IOException {
    for (FileStatus entry : fs.list(dir)) { // sorted by path
      String name = entry.name();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (entry.directory()) {
        if (recursive) {
          listDirectory(fs, entry.path(), true, files);
        }
      } else {
        files.add(entry);
      }
    }
  }
}
