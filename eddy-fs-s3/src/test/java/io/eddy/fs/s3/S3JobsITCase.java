package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.CloseableIterator;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.runtime.storage.LocalStateCopies;
import io.eddy.testutils.MiniClusterExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs that keep everything on S3 (a real S3-API server on loopback): checkpoints and an
 * exactly-once file sink under injected failures, parts invisible until a checkpoint commits them,
 * and a parallel read of a directory of objects.
 */
class S3JobsITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;
  static final AtomicLong PROCESSED = new AtomicLong();
  private static S3TestServer server;

  private String run;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start("jobs");
    server.configureFileSystems();
  }

  @AfterAll
  static void stopServer() throws Exception {
    FileSystems.configure(Map.of());
    server.close();
  }

  @BeforeEach
  void freshRun() {
    PROCESSED.set(0);
    run = "s3://jobs/" + UUID.randomUUID();
  }

  /** Throws once when the records seen by all attempts reach each failure point. */
  static final class FailingMapper implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long[] failurePoints;

    FailingMapper(long[] failurePoints) {
      this.failurePoints = failurePoints;
    }

    @Override
    public Long map(Long value) {
      long seen = PROCESSED.incrementAndGet();
      for (long point : failurePoints) {
        if (seen == point) {
          throw new IllegalStateException("injected failure at record " + seen);
        }
      }
      return value;
    }
  }

  /** Emits "key,count,value": the count of the key's records so far, from keyed state. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws IOException {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "," + next + "," + value);
    }
  }

  @Test
  void checkpointsAndAFileSinkOnS3AreExactlyOnceDespiteFailures() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long[] failurePoints =
        random.longs(3, RECORDS / 10, RECORDS * 9 / 10).distinct().sorted().toArray();
    System.out.println(
        "S3JobsITCase seed=" + seed + " failure points=" + Arrays.toString(failurePoints));
    runCounter(failurePoints, 20_000);
    assertExactlyOnce();
  }

  /**
   * Local recovery: the restarted subtasks run on the same (embedded) TaskManagers, so they restore
   * from the local copies and the store serves no state file.
   */
  @Test
  void aRestartOnTheSameTaskManagerReadsNoStateFileFromTheStore() throws Exception {
    long localBefore = LocalStateCopies.localReads();
    long storeBefore = server.stateFileReads();
    // at 10,000 records/s, checkpoints every 50 ms have completed by the failure at 2 s
    runCounter(new long[] {RECORDS / 2}, 10_000);
    assertExactlyOnce();
    assertThat(LocalStateCopies.localReads())
        .as("state files read locally")
        .isGreaterThan(localBefore);
    assertThat(server.stateFileReads()).as("state files read from S3").isEqualTo(storeBefore);
  }

  private void runCounter(long[] failurePoints, double recordsPerSecond) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(run + "/checkpoints");
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, recordsPerSecond),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .map(new FailingMapper(failurePoints))
        .keyBy(v -> v % KEYS)
        .process(new CountPerKey())
        .sinkTo(FileSink.forRowFormat(run + "/out", new SimpleStringEncoder<String>()).build());
    env.execute("exactly-once on S3");
  }

  /** Every record once in the committed output, per key the counts 1..n; failures replayed some. */
  private void assertExactlyOnce() throws IOException {
    long[] seen = new long[(int) RECORDS];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    List<String> lines = readCommittedLines(run + "/out");
    for (String line : lines) {
      String[] f = line.split(",");
      seen[Integer.parseInt(f[2])]++;
      countsPerKey
          .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
          .add(Long.parseLong(f[1]));
    }
    for (int v = 0; v < RECORDS; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isEqualTo(1);
    }
    assertThat(lines).hasSize((int) RECORDS);
    assertThat(countsPerKey).hasSize(KEYS);
    countsPerKey.forEach(
        (key, counts) ->
            assertThat(counts.stream().sorted().toList())
                .as("counts of key %d", key)
                .isEqualTo(LongStream.rangeClosed(1, RECORDS / KEYS).boxed().toList()));
    assertThat(PROCESSED.get()).isGreaterThan(RECORDS); // the failures did replay records
  }

  @Test
  void partsStayInvisibleWithoutACheckpointThatCommitsThem() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    String padding = "x".repeat(200);
    // about 12 MiB: several multipart parts go up, but no checkpoint ever completes
    env.fromSource(
            new DataGeneratorSource<>(i -> i + padding, 60_000, 1_000_000),
            WatermarkStrategy.noWatermarks(),
            "lines")
        .sinkTo(
            FileSink.forRowFormat(run + "/uncommitted", new SimpleStringEncoder<String>()).build());
    env.execute("no checkpoints");

    assertThat(allObjects(run + "/uncommitted")).isEmpty();
  }

  @Test
  void readTextFileOfAnS3DirectoryReadsEveryLineInParallel() throws Exception {
    FileSystem fs = FileSystems.get(run);
    List<String> expected = new ArrayList<>();
    for (int file = 0; file < 24; file++) {
      StringBuilder text = new StringBuilder();
      for (int line = 0; line < 500 + file * 37; line++) {
        String l = "file" + file + "-line" + line + (line % 7 == 0 ? " ünïcödé" : "");
        expected.add(l);
        text.append(l).append('\n');
      }
      try (OutputStream out = fs.create(run + "/in/part-" + file, WriteMode.NO_OVERWRITE)) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    try (OutputStream out = fs.create(run + "/in/_SUCCESS", WriteMode.NO_OVERWRITE)) {
      out.write(1);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    List<String> read = new ArrayList<>();
    try (CloseableIterator<String> it = env.readTextFile(run + "/in").executeAndCollect()) {
      it.forEachRemaining(read::add);
    }
    assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aStoreThatCannotBeWrittenFailsCheckpointsCountedAgainstTheTolerableFailures() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(20);
    env.getCheckpointConfig().setCheckpointStorage("s3://no-such-bucket/checkpoints");
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(2);
    env.setRestartStrategy(RestartStrategies.noRestart());
    env.fromSource(
            new DataGeneratorSource<>(i -> i, 1_000_000, 2_000),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .sinkToDiscarding();

    assertThatThrownBy(() -> env.execute("checkpoints to a missing bucket"))
        .rootCause()
        .hasMessageContaining("Exceeded the number of tolerable checkpoint failures (2)")
        .hasMessageContaining("s3://no-such-bucket/checkpoints/")
        .hasMessageContaining("the bucket does not exist")
        .hasMessageNotContaining(S3TestServer.SECRET_KEY);
  }

  private static List<String> allObjects(String dir) throws IOException {
    List<String> objects = new ArrayList<>();
    FileSystem fs = FileSystems.get(dir);
    for (FileStatus entry : fs.list(dir)) {
      if (entry.directory()) {
        objects.addAll(allObjects(entry.path()));
      } else {
        objects.add(entry.path());
      }
    }
    return objects;
  }

  /** The lines of every committed part object under {@code dir}. */
  private static List<String> readCommittedLines(String dir) throws IOException {
    List<String> lines = new ArrayList<>();
    FileSystem fs = FileSystems.get(dir);
    for (String object : allObjects(dir)) {
      try (InputStream in = fs.open(object)) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
      }
    }
    return lines;
  }
}
