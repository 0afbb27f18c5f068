package io.eddy.connector.file.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.connector.file.FileSourceSplit;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the input files of a path and cuts them into splits of at most {@code splitSize} bytes.
 * Runs on the JobManager when the job is submitted.
 *
 * <p>A directory's entries whose names start with {@code .} or {@code _} (hidden files, marker
 * files such as {@code _SUCCESS}) are skipped; subdirectories are listed only when {@code
 * recursive}. Empty files yield no split. Files are visited in name order.
 */
@Internal
public final class FileSplitPlanner {
  private FileSplitPlanner() {}

  /**
   * @throws FileNotFoundException {@code Input path does not exist: <path>} if it does not
   */
  public static List<FileSourceSplit> plan(Path input, long splitSize, boolean recursive)
      throws IOException {
    if (splitSize <= 0) {
      throw new IllegalArgumentException("The split size must be positive: " + splitSize);
    }
    if (!Files.exists(input)) {
      throw new FileNotFoundException("Input path does not exist: " + input);
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(input)) {
      listDirectory(input, recursive, files);
    } else {
      files.add(input);
    }
    List<FileSourceSplit> splits = new ArrayList<>();
    for (Path file : files) {
      long size = Files.size(file);
      String name = file.toAbsolutePath().toString();
      for (long start = 0; start < size; start += splitSize) {
        splits.add(new FileSourceSplit(name, start, Math.min(size, start + splitSize)));
      }
    }
    return splits;
  }

  private static void listDirectory(Path dir, boolean recursive, List<Path> files)
      throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path entry : stream) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          entries.add(entry);
        }
      }
    }
    entries.sort(Comparator.comparing(Path::toString));
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        if (recursive) {
          listDirectory(entry, true, files);
        }
      } else if (Files.isRegularFile(entry)) {
        files.add(entry);
      }
    }
  }
}
