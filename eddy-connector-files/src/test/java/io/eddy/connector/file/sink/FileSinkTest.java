package io.eddy.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.serialization.BulkWriter;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.sink.Committer;
import io.eddy.api.connector.sink.StatefulSinkWriter;
import io.eddy.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.eddy.connector.file.sink.bucketassigners.DateTimeBucketAssigner;
import io.eddy.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.eddy.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  @TempDir Path dir;
  private final TestWriterContext context = new TestWriterContext(0, 1);

  private FileSink.RowFormatBuilder<String> rows() {
    return FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner(new BasePathBucketAssigner<>());
  }

  @SuppressWarnings("unchecked")
  private FileWriter<String> writer(FileSink<String> sink) throws IOException {
    return (FileWriter<String>) sink.createWriter(context);
  }

  private static void write(FileWriter<String> writer, String... records) throws IOException {
    for (String r : records) {
      writer.write(r, TestWriterContext.RECORD);
    }
  }

  private static void commit(Collection<FileSinkCommittable> committables) throws Exception {
    for (FileSinkCommittable c : committables) {
      FileCommitter.commit(c);
    }
  }

  /** Finished (visible) files under the base path, relative path to content. */
  private TreeMap<String, String> finished() throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().startsWith(".")) {
          files.put(dir.relativize(f).toString(), Files.readString(f));
        }
      }
    }
    return files;
  }

  private List<String> hidden() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  @Test
  void rollsBySizeAndKeepsTheOpenFileInTheState() throws Exception {
    FileWriter<String> writer =
        writer(
            rows()
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(10).build())
                .build());
    write(writer, "aaaa", "bbbb", "cccc", "dddd", "eeee");
    assertThat(finished()).isEmpty(); // nothing is visible before the checkpoint completes
    Collection<FileSinkCommittable> committables = writer.prepareCommit();
    List<FileWriterBucketState> state = writer.snapshotState(1);
    commit(committables);

    assertThat(finished())
        .containsExactly(
            java.util.Map.entry("part-0-0", "aaaa\nbbbb\n"),
            java.util.Map.entry("part-0-1", "cccc\ndddd\n"));
    assertThat(state).hasSize(1);
    assertThat(state.get(0).validLength()).isEqualTo(5);
    assertThat(
            io.eddy.api.fs.FileSystems.get(state.get(0).finalFile())
                .createRecoverableWriter()
                .inProgressLocation(state.get(0).resumeToken()))
        .contains("/.part-0-2.inprogress.");
    assertThat(state.get(0).finalFile()).endsWith("/part-0-2");
    writer.close();
  }

  @Test
  void rollsByRolloverAndInactivityIntervalOnTheClock() throws Exception {
    FileWriter<String> writer =
        writer(
            rows()
                .withRollingPolicy(
                    DefaultRollingPolicy.builder()
                        .withRolloverInterval(Duration.ofMillis(1_000))
                        .withInactivityInterval(Duration.ofMillis(300))
                        .build())
                .withBucketCheckInterval(100)
                .build());
    write(writer, "a");
    context.advanceTo(200);
    write(writer, "b"); // keeps the file active
    context.advanceTo(499);
    assertThat(writer.prepareCommit()).isEmpty();
    context.advanceTo(500); // 300 ms since the last write
    commit(writer.prepareCommit());
    assertThat(finished()).containsOnlyKeys("part-0-0").containsValue("a\nb\n");

    for (int t = 600; t <= 1_700; t += 100) { // active all the time: rolls by the rollover interval
      context.advanceTo(t);
      write(writer, "x" + t);
    }
    commit(writer.prepareCommit());
    assertThat(finished()).containsKey("part-0-1");
    assertThat(finished().get("part-0-1")).startsWith("x600\n").endsWith("x1500\n");
    writer.close();
  }

  @Test
  void assignsBucketsByProcessingTimeOrByKey() throws Exception {
    FileWriter<String> byTime =
        writer(
            FileSink.forRowFormat(dir.resolve("time"), new SimpleStringEncoder<String>())
                .withBucketAssigner(new DateTimeBucketAssigner<>("yyyy-MM-dd--HH", ZoneOffset.UTC))
                .build());
    write(byTime, "first");
    context.advanceTo(Duration.ofHours(1).toMillis());
    write(byTime, "second");
    byTime.flush(true);
    commit(byTime.prepareCommit());

    FileWriter<String> byKey =
        writer(
            FileSink.forRowFormat(dir.resolve("key"), new SimpleStringEncoder<String>())
                .withBucketAssigner((String s, BucketAssigner.Context c) -> s.substring(0, 1))
                .withOutputFileConfig(
                    OutputFileConfig.builder().withPartPrefix("out").withPartSuffix(".txt").build())
                .build());
    write(byKey, "a1", "b1", "a2");
    byKey.flush(true);
    commit(byKey.prepareCommit());

    assertThat(finished())
        .containsOnlyKeys(
            "time/1970-01-01--00/part-0-0",
            "time/1970-01-01--01/part-0-0",
            "key/a/out-0-0.txt",
            "key/b/out-0-0.txt")
        .containsEntry("key/a/out-0-0.txt", "a1\na2\n");
  }

  @Test
  void rejectsBucketsOutsideTheBasePathAndABasePathThatIsAFile() throws Exception {
    FileWriter<String> writer =
        writer(rows().withBucketAssigner((String s, BucketAssigner.Context c) -> "../x").build());
    assertThatThrownBy(() -> write(writer, "a"))
        .hasMessage("A bucket id must be a relative path inside the base path, but was '../x'.");
    Path file = Files.writeString(dir.resolve("file"), "");
    assertThatThrownBy(
            () ->
                FileSink.forRowFormat(file, new SimpleStringEncoder<String>())
                    .build()
                    .createWriter(context))
        .hasMessage("The file sink's base path is not a directory: " + file);
    assertThatThrownBy(() -> DefaultRollingPolicy.builder().withMaxPartSize(0))
        .hasMessage("The maximum part size must be more than 0 bytes, but was 0.");
  }

  @Test
  void commitIsIdempotent() throws Exception {
    FileWriter<String> writer = writer(rows().build());
    write(writer, "a");
    writer.flush(true);
    Collection<FileSinkCommittable> committables = writer.prepareCommit();
    Committer<FileSinkCommittable> committer = rows().build().createCommitter();
    List<Committer.CommitRequest<FileSinkCommittable>> requests = new ArrayList<>();
    committables.forEach(c -> requests.add(new Request(c)));
    committer.commit(requests);
    committer.commit(requests); // source gone, target there: already committed
    assertThat(finished()).containsExactly(java.util.Map.entry("part-0-0", "a\n"));

    Files.delete(dir.resolve("part-0-0"));
    assertThatThrownBy(() -> committer.commit(requests))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Cannot commit " + dir.resolve("part-0-0") + ": neither it nor");
  }

  @Test
  void restoreTruncatesToTheCheckpointAndDeletesLaterFiles() throws Exception {
    FileSink<String> sink =
        rows()
            .withBucketAssigner((String s, BucketAssigner.Context c) -> s.substring(0, 1))
            .build();
    FileWriter<String> writer = writer(sink);
    write(writer, "a1", "b1");
    assertThat(writer.prepareCommit()).isEmpty();
    List<FileWriterBucketState> state = writer.snapshotState(1);
    write(writer, "a2", "c2"); // after the checkpoint: lost in the "crash"
    writer.snapshotState(2); // synced to disk, but checkpoint 2 never completes
    // crash: the writer is dropped without closing

    FileSink<String> restoredSink =
        rows()
            .withBucketAssigner((String s, BucketAssigner.Context c) -> s.substring(0, 1))
            .build();
    TestWriterContext context2 = new TestWriterContext(0, 1);
    restoredSink.cleanUpAfterRestore(context2, state, List.of());
    StatefulSinkWriter<String, FileWriterBucketState> restored =
        restoredSink.restoreWriter(context2, state);
    restored.write("a3", TestWriterContext.RECORD);
    restored.write("c3", TestWriterContext.RECORD);
    restored.flush(true);
    commit(((FileWriter<String>) restored).prepareCommit());

    assertThat(finished())
        .containsExactly(
            java.util.Map.entry("a/part-0-0", "a1\na3\n"),
            java.util.Map.entry("b/part-0-0", "b1\n"),
            // the lost file of counter 0 was deleted, so its name is free again
            java.util.Map.entry("c/part-0-0", "c3\n"));
    assertThat(hidden()).isEmpty();
  }

  @Test
  void bulkFormatsRollAtEveryCheckpoint() throws Exception {
    BulkWriter.Factory<String> brackets =
        out ->
            new BulkWriter<>() {
              private final List<String> buffer = new ArrayList<>();

              @Override
              public void addElement(String element) {
                buffer.add(element);
              }

              @Override
              public void flush() {}

              @Override
              public void finish() throws IOException {
                out.write(("[" + String.join(",", buffer) + "]").getBytes(StandardCharsets.UTF_8));
              }
            };
    FileSink<String> sink =
        FileSink.forBulkFormat(dir, brackets)
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .build();
    @SuppressWarnings("unchecked")
    FileWriter<String> writer = (FileWriter<String>) sink.createWriter(context);
    write(writer, "a", "b");
    commit(writer.prepareCommit());
    assertThat(writer.snapshotState(1)).isEmpty();
    write(writer, "c");
    commit(writer.prepareCommit());
    assertThat(finished())
        .containsExactly(
            java.util.Map.entry("part-0-0", "[a,b]"), java.util.Map.entry("part-0-1", "[c]"));
    assertThat(OnCheckpointRollingPolicy.build().shouldRollOnCheckpoint(null)).isTrue();
  }

  @Test
  void serializersRoundTrip() throws Exception {
    var state = new FileWriterBucketState("b", new byte[] {'R', 1, 7}, "/x/p", 42, 7);
    var ss = new FileWriterBucketState.Serializer();
    assertThat(ss.deserialize(ss.getVersion(), ss.serialize(state))).isEqualTo(state);
    var committable = new FileSinkCommittable(new byte[] {'C', 1, 9}, "s3://b/x/p");
    var cs = new FileSinkCommittable.Serializer();
    assertThat(cs.deserialize(cs.getVersion(), cs.serialize(committable))).isEqualTo(committable);
    assertThatThrownBy(() -> cs.deserialize(9, new byte[0]))
        .hasMessageStartingWith("Unknown version 9 of a file sink committable");
  }

  private static final class Request implements Committer.CommitRequest<FileSinkCommittable> {
    private final FileSinkCommittable committable;

    Request(FileSinkCommittable committable) {
      this.committable = committable;
    }

    @Override
    public FileSinkCommittable getCommittable() {
      return committable;
    }

    @Override
    public int getNumberOfRetries() {
      return 0;
    }

    @Override
    public void signalFailed(Throwable cause) {
      throw new AssertionError(cause);
    }

    @Override
    public void retryLater() {
      throw new AssertionError("retry");
    }
  }
}
