package io.eddy.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import io.eddy.core.testutils.source.TestingSourceRun;
import io.eddy.core.testutils.source.TestingSplitEnumeratorContext;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSourceTest {
  private static final String TRICKY =
      "first\n"
          + "\n"
          + "windows line\r\n"
          + "héllo wörld ✓ 日本語\n"
          + "x\n"
          + "\n"
          + "\n"
          + "a line that is long enough to straddle several tiny splits\n"
          + "y".repeat(10_000)
          + "\n"
          + "\r\n"
          + "ünïcödé at the start and the end ✓\n"
          + "last line without newline";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 7, 13, 64, 4096, FileSource.DEFAULT_SPLIT_SIZE})
  void everyLineExactlyOnceForAnySplitSize(long splitSize) throws Exception {
    Path file = write("tricky.txt", TRICKY);

    List<String> lines = readAll(FileSource.forTextLines(file.toString()).withSplitSize(splitSize));

    assertThat(lines).containsExactlyInAnyOrderElementsOf(expectedLines(TRICKY));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 5, 7, 100})
  void trailingNewlineAndCarriageReturnsAtSplitEdges(long splitSize) throws Exception {
    String content = "a\r\nbb\r\n\r\nccc\n\nd\r\n";
    Path file = write("crlf.txt", content);

    List<String> lines = readAll(FileSource.forTextLines(file.toString()).withSplitSize(splitSize));

    assertThat(lines).containsExactlyInAnyOrder("a", "bb", "", "ccc", "", "d");
  }

  @Test
  void oneSplitKeepsLineOrder() throws Exception {
    Path file = write("ordered.txt", TRICKY);
    assertThat(readAll(FileSource.forTextLines(file.toString())))
        .containsExactlyElementsOf(expectedLines(TRICKY));
  }

  @Test
  void manyLinesOverSeveralReaders() throws Exception {
    String content =
        IntStream.range(0, 20_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    Path file = write("many.txt", content);

    List<String> lines = readAll(FileSource.forTextLines(file.toString()).withSplitSize(10_000));

    assertThat(lines).containsExactlyInAnyOrderElementsOf(expectedLines(content));
  }

  @Test
  void resumesFromSnapshottedPositionInASplitThatStartsMidLine() throws Exception {
    String content =
        IntStream.range(0, 3000).mapToObj(i -> "entry-" + i + "\n").collect(Collectors.joining());
    Path file = write("resume.txt", content);
    // A split starting in the middle of a line, holding well over one batch of lines.
    FileSourceSplit split = new FileSourceSplit(file.toString(), 1003, content.length());
    FileSource source = FileSource.forTextLines(file.toString());

    TestingReaderOutput<String> before = new TestingReaderOutput<>();
    SourceReader<String, FileSourceSplit> reader =
        source.createReader(new TestingSourceReaderContext());
    reader.addSplits(List.of(split));
    reader.notifyNoMoreSplits();
    assertThat(reader.pollNext(before)).isEqualTo(InputStatus.MORE_AVAILABLE);
    List<FileSourceSplit> state = reader.snapshotState(1);
    reader.close();
    assertThat(state).hasSize(1);
    assertThat(state.get(0).position()).isGreaterThan(1003);

    FileSourceSplitSerializer serializer = new FileSourceSplitSerializer();
    FileSourceSplit restoredSplit = serializer.deserialize(1, serializer.serialize(state.get(0)));
    TestingReaderOutput<String> after = new TestingReaderOutput<>();
    SourceReader<String, FileSourceSplit> restored =
        source.createReader(new TestingSourceReaderContext());
    restored.addSplits(List.of(restoredSplit));
    restored.notifyNoMoreSplits();
    while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {}
    restored.close();

    List<String> all = new ArrayList<>(before.records());
    all.addAll(after.records());
    List<String> owned = expectedLines(content.substring(content.indexOf('\n', 1002) + 1));
    assertThat(all).containsExactlyElementsOf(owned);
  }

  @Test
  void directorySkipsHiddenAndUnderscoreFilesAndSubdirectoriesUnlessRecursive() throws Exception {
    write("a.txt", "a1\na2\n");
    write("b.txt", "b1");
    write(".hidden", "hidden\n");
    write("_SUCCESS", "marker\n");
    Files.createDirectory(dir.resolve("sub"));
    write("sub/c.txt", "c1\n");
    Files.createDirectory(dir.resolve("_tmp"));
    write("_tmp/d.txt", "d1\n");
    write("empty.txt", "");

    assertThat(readAll(FileSource.forTextLines(dir.toString())))
        .containsExactlyInAnyOrder("a1", "a2", "b1");
    assertThat(readAll(FileSource.forTextLines(dir.toString()).withRecursiveListing(true)))
        .containsExactlyInAnyOrder("a1", "a2", "b1", "c1");
    assertThat(readAll(FileSource.forTextLines(dir.toUri().toString())))
        .containsExactlyInAnyOrder("a1", "a2", "b1");
  }

  @Test
  void emptyDirectoryEndsWithoutRecords() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(readAll(FileSource.forTextLines(empty.toString()))).isEmpty();
  }

  @Test
  void missingPathFailsWithOneClearLine() {
    String missing = dir.resolve("x/y.txt").toString();
    assertThatThrownBy(
            () ->
                FileSource.forTextLines(missing)
                    .createEnumerator(new TestingSplitEnumeratorContext<>(1)))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("Input path does not exist: " + missing);
  }

  @Test
  void splitsAndCheckpointRoundTrip() throws Exception {
    FileSource source = FileSource.forTextLines("/data/in.txt");
    List<FileSourceSplit> splits =
        List.of(new FileSourceSplit("/data/ïn.txt", 0, 10), new FileSourceSplit("/d", 5, 9, 7));
    var splitSerializer = source.getSplitSerializer();
    for (FileSourceSplit split : splits) {
      assertThat(splitSerializer.deserialize(1, splitSerializer.serialize(split))).isEqualTo(split);
    }
    var checkpointSerializer = source.getEnumeratorCheckpointSerializer();
    assertThat(checkpointSerializer.deserialize(1, checkpointSerializer.serialize(splits)))
        .isEqualTo(splits);
  }

  private Path write(String name, String content) throws Exception {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> readAll(FileSource source) throws Exception {
    TestingSourceRun<String, FileSourceSplit> run = new TestingSourceRun<>(source, 3);
    run.runToEnd(new int[] {1, 3, 2}, 1_000_000);
    for (SourceReader<String, FileSourceSplit> reader : run.readers) {
      reader.close();
    }
    return run.allRecords();
  }

  /** The lines of {@code content} by the documented rules, computed independently. */
  private static List<String> expectedLines(String content) {
    List<String> parts = new ArrayList<>(Arrays.asList(content.split("\n", -1)));
    if (parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts.stream()
        .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
        .collect(Collectors.toList());
  }
}
