package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the output of {@code KeyedCountingJob} against what its generator must have produced,
 * computed here independently of the engine: every value of {@code 0 .. records-1} exactly once,
 * under the key {@code value % keys}, and per key the counts exactly {@code 1 .. n(key)}.
 */
final class KeyedCountOracle {
  private KeyedCountOracle() {}

  /** Returns the number of lines read from finished part files. */
  static long assertExactlyOnce(Path output, long records, int keys) throws IOException {
    return assertExactlyOnce(output.toString(), records, keys);
  }

  /**
   * The same for output at a location of any file system ({@code s3://...}); returns the number of
   * lines read from finished part files.
   */
  static long assertExactlyOnce(String output, long records, int keys) throws IOException {
    int[] timesSeen = new int[Math.toIntExact(records)];
    List<List<Long>> counts = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      counts.add(new ArrayList<>());
    }
    long lines = 0;
    FileSystem fs = FileSystems.get(output);
    for (String file : finishedPartFiles(fs, output)) {
      for (String line : readLines(fs, file)) {
        lines++;
        String[] f = line.split(",");
        assertThat(f).as("line '%s' of %s", line, file).hasSize(3);
        long key = Long.parseLong(f[0]);
        long count = Long.parseLong(f[1]);
        int value = Integer.parseInt(f[2]);
        assertThat(value).as("value in '%s'", line).isBetween(0, timesSeen.length - 1);
        assertThat(key).as("key of value %d", value).isEqualTo(value % keys);
        timesSeen[value]++;
        counts.get((int) key).add(count);
      }
    }
    List<Integer> missing = new ArrayList<>();
    List<Integer> duplicated = new ArrayList<>();
    for (int v = 0; v < timesSeen.length; v++) {
      if (timesSeen[v] == 0 && missing.size() < 20) {
        missing.add(v);
      } else if (timesSeen[v] > 1 && duplicated.size() < 20) {
        duplicated.add(v);
      }
    }
    assertThat(missing).as("values never written (first 20)").isEmpty();
    assertThat(duplicated).as("values written more than once (first 20)").isEmpty();
    assertThat(lines).as("lines").isEqualTo(records);
    for (int k = 0; k < keys; k++) {
      long expected = records / keys + (k < records % keys ? 1 : 0);
      List<Long> sorted = counts.get(k).stream().sorted().toList();
      List<Long> oneToN = Stream.iterate(1L, c -> c + 1).limit(expected).toList();
      assertThat(sorted).as("counts of key %d", k).isEqualTo(oneToN);
    }
    return lines;
  }

  /** Part files the sink has committed: those whose names do not start with '.'. */
  static List<String> finishedPartFiles(FileSystem fs, String dir) throws IOException {
    List<String> files = new ArrayList<>();
    for (FileStatus entry : fs.list(dir)) {
      if (entry.directory()) {
        files.addAll(finishedPartFiles(fs, entry.path()));
      } else if (!entry.name().startsWith(".")) {
        files.add(entry.path());
      }
    }
    return files;
  }

  private static List<String> readLines(FileSystem fs, String file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
