package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Jobs that keep everything on HDFS (a real name node and data node): checkpoints and an
 * exactly-once file sink under injected failures, whose restores resume in-progress files by
 * truncating them, and a parallel read of a directory.
 */
class HdfsJobsITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;
  private static final String PADDING = " " + "x".repeat(40);
  static final AtomicLong PROCESSED = new AtomicLong();

  private String run;

  @BeforeAll
  static void configure() throws IOException {
    FileSystems.configure(
        Map.of(
            "fs.hdfs.dfs.replication",
            "1",
            "fs.hdfs.dfs.blocksize",
            String.valueOf(MiniHdfs.BLOCK)));
  }

  @AfterAll
  static void reset() {
    FileSystems.configure(Map.of());
  }

  @BeforeEach
  void freshRun() throws IOException {
    PROCESSED.set(0);
    run = MiniHdfs.uri() + "/jobs/" + UUID.randomUUID();
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
      if (Arrays.stream(failurePoints).anyMatch(point -> point == seen)) {
        throw new IllegalStateException("injected failure at record " + seen);
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
  void checkpointsAndAFileSinkOnHdfsAreExactlyOnceDespiteFailures() throws Exception {
    long seed = System.nanoTime();
    long[] failurePoints =
        new Random(seed).longs(3, RECORDS / 10, RECORDS * 9 / 10).distinct().sorted().toArray();
    System.out.println(
        "HdfsJobsITCase seed=" + seed + " failure points=" + Arrays.toString(failurePoints));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(run + "/checkpoints");
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, 5_000),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .map(new FailingMapper(failurePoints))
        .keyBy(v -> v % KEYS)
        .process(new CountPerKey())
        .sinkTo(FileSink.forRowFormat(run + "/out", new SimpleStringEncoder<String>()).build());
    env.execute("exactly-once on HDFS");

    long[] seen = new long[(int) RECORDS];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    List<String> lines = committedLines(run + "/out");
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
  void readTextFileOfAnHdfsDirectoryReadsEveryLineInParallel() throws Exception {
    FileSystem fs = FileSystems.get(run);
    List<String> expected = new ArrayList<>();
    for (int file = 0; file < 9; file++) {
      StringBuilder text = new StringBuilder();
      // the last file spans two blocks (1 MiB), so a split ends inside a line
      int lines = file < 8 ? 1000 : 20_000;
      for (int line = 0; line < lines; line++) {
        String l = "file" + file + "-line" + line + (line % 7 == 0 ? " ünïcödé" : "") + PADDING;
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

  /** The lines of every finished part file under {@code dir} (not the hidden in-progress ones). */
  private static List<String> committedLines(String dir) throws IOException {
    FileSystem fs = FileSystems.get(dir);
    List<String> lines = new ArrayList<>();
    for (FileStatus entry : fs.list(dir)) {
      if (entry.directory()) {
        lines.addAll(committedLines(entry.path()));
      } else if (!entry.name().startsWith(".")) {
        try (InputStream in = fs.open(entry.path())) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
      }
    }
    return lines;
  }
}
