package io.eddy.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.connector.source.lib.FromElementsSource;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.connector.file.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers and enumerator checkpointed mid-way and restored into new source operators and a new
 * coordinator: every record is emitted exactly once over the emissions before the checkpoint and
 * after the restore, and a restored reader continues right after the last record it emitted.
 */
class SourceCheckpointTest {
  @TempDir Path dir;

  /** Three files of 3000 lines each; with 8 KiB splits each file has four splits. */
  private List<String> writeFiles() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    List<String> lines = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      List<String> fileLines = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        fileLines.add("f" + f + "-line-" + (10_000 + i + "").substring(1)); // zero-padded
      }
      // \r\n on one file: positions must count the bytes, not the characters returned
      Files.writeString(
          input.resolve("part-" + f + ".txt"),
          String.join(f == 1 ? "\r\n" : "\n", fileLines) + (f == 2 ? "" : "\n"));
      lines.addAll(fileLines);
    }
    return lines;
  }

  private FileSource fileSource() {
    return FileSource.forTextLines(dir.resolve("input").toString()).withSplitSize(8192);
  }

  /**
   * Runs {@code roundsBefore} rounds at {@code oldParallelism}, checkpoints, runs on a little
   * (output lost with the failure), restores at {@code newParallelism} and runs to the end. Returns
   * the records before the checkpoint and after the restore, per job.
   */
  private <T, S extends SourceSplit> List<List<Object>> failAndRestore(
      Source<T, S, ?> source, int oldParallelism, int roundsBefore, int newParallelism)
      throws Exception {
    List<Object> before;
    SourceTestJob.Checkpoint checkpoint;
    try (SourceTestJob<T, S> job = new SourceTestJob<>(source, oldParallelism, null, null)) {
      job.rounds(roundsBefore);
      checkpoint = job.checkpoint(1);
      before = new ArrayList<>(job.records);
      job.rounds(2); // emitted after the checkpoint: replayed after the restore
    }
    try (SourceTestJob<T, S> job =
        new SourceTestJob<>(source, newParallelism, checkpoint, dir.resolve("chk-1"))) {
      job.runToEnd();
      return List.of(before, job.records);
    }
  }

  private static List<Object> concat(List<List<Object>> parts) {
    List<Object> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /** Every expected record exactly once: sorted string forms are equal (fast for large inputs). */
  private static void assertExactlyOnce(List<List<Object>> parts, List<?> expected) {
    assertThat(sorted(concat(parts))).isEqualTo(sorted(expected));
  }

  private static List<String> sorted(List<?> records) {
    return records.stream().map(String::valueOf).sorted().toList();
  }

  @Test
  void aFileReaderContinuesRightAfterItsLastLineWithinASplit() throws Exception {
    List<String> lines = writeFiles();
    List<List<Object>> parts = failAndRestore(fileSource(), 1, 2, 1);
    // one poll emits one batch of 512 lines, in the middle of the first split (~800 lines)
    assertThat(parts.get(0)).hasSize(512).endsWith("f0-line-0511");
    assertThat(parts.get(1).get(0)).isEqualTo("f0-line-0512");
    assertExactlyOnce(parts, lines);
  }

  @Test
  void fileSourceIsExactlyOnceAcrossARestoreAtAnotherParallelism() throws Exception {
    List<String> lines = writeFiles();
    assertExactlyOnce(failAndRestore(fileSource(), 3, 4, 2), lines);
    assertExactlyOnce(failAndRestore(fileSource(), 2, 5, 3), lines);
  }

  @Test
  void numberSequenceContinuesRightAfterTheLastNumber() throws Exception {
    List<List<Object>> parts = failAndRestore(new NumberSequenceSource(0, 9_999), 1, 2, 1);
    assertThat(parts.get(0)).hasSize(512).endsWith(511L);
    assertThat(parts.get(1).get(0)).isEqualTo(512L);
    assertExactlyOnce(parts, LongStream.range(0, 10_000).boxed().toList());
  }

  @Test
  void numberSequenceIsExactlyOnceWhenScaledUpAndDown() throws Exception {
    List<Long> expected = LongStream.rangeClosed(-5_000, 5_000).boxed().toList();
    NumberSequenceSource source = new NumberSequenceSource(-5_000, 5_000);
    assertExactlyOnce(failAndRestore(source, 2, 3, 3), expected);
    assertExactlyOnce(failAndRestore(source, 3, 2, 1), expected);
  }

  @Test
  void rateLimitedGeneratorIsExactlyOnce() throws Exception {
    DataGeneratorSource<String> source =
        new DataGeneratorSource<>(index -> "g" + index, 5_000, 2_000_000);
    List<List<Object>> parts = failAndRestore(source, 2, 6, 3);
    assertThat(parts.get(0)).isNotEmpty();
    assertExactlyOnce(parts, LongStream.range(0, 5_000).mapToObj(i -> "g" + i).toList());
  }

  @Test
  void generatorContinuesRightAfterTheLastIndex() throws Exception {
    List<List<Object>> parts =
        failAndRestore(new DataGeneratorSource<>(index -> "g" + index, 3_000), 1, 2, 1);
    assertThat(parts.get(0)).endsWith("g511");
    assertThat(parts.get(1).get(0)).isEqualTo("g512");
  }

  @Test
  void fromElementsContinuesRightAfterTheLastElement() throws Exception {
    List<String> elements = IntStream.range(0, 2_000).mapToObj(i -> "e" + i).toList();
    FromElementsSource<String> source =
        FromElementsSource.of(Types.STRING.createSerializer(), elements);
    List<List<Object>> parts = failAndRestore(source, 2, 2, 3);
    assertThat(parts.get(0)).endsWith("e511");
    assertThat(parts.get(1).get(0)).isEqualTo("e512");
    assertThat(concat(parts)).containsExactlyElementsOf(elements); // one split: in order
  }

  @Test
  void aCheckpointBeforeAnySplitArrivedLosesNothing() throws Exception {
    List<List<Object>> parts = failAndRestore(new NumberSequenceSource(1, 100), 2, 0, 2);
    assertThat(parts.get(0)).isEmpty();
    assertExactlyOnce(parts, LongStream.rangeClosed(1, 100).boxed().toList());
  }
}
