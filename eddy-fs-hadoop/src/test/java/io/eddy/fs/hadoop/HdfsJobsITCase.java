package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.CloseableIterator;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.testutils.MiniClusterExtension;
import io.eddy.testutils.jobs.KeyedCounting;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    KeyedCounting.PROCESSED.set(0);
    run = MiniHdfs.uri() + "/jobs/" + UUID.randomUUID();
  }

  @Test
  void checkpointsAndAFileSinkOnHdfsAreExactlyOnceDespiteFailures() throws Exception {
    long seed = System.nanoTime();
    long[] failurePoints = KeyedCounting.failurePoints(seed, 3, RECORDS);
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
        .map(new KeyedCounting.FailingMapper(failurePoints))
        .keyBy(v -> v % KEYS)
        .process(new KeyedCounting.CountPerKey())
        .sinkTo(FileSink.forRowFormat(run + "/out", new SimpleStringEncoder<String>()).build());
    env.execute("exactly-once on HDFS");

    KeyedCounting.assertExactlyOnce(KeyedCounting.committedLines(run + "/out"), RECORDS, KEYS);
    KeyedCounting.assertReplayed(RECORDS);
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
}
