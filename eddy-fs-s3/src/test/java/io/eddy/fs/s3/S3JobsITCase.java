package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.CloseableIterator;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.runtime.storage.LocalStateCopies;
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
 * Jobs that keep everything on S3 (a real S3-API server on loopback): checkpoints and an
 * exactly-once file sink under injected failures, parts invisible until a checkpoint commits them,
 * and a parallel read of a directory of objects.
 */
class S3JobsITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;
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
    KeyedCounting.PROCESSED.set(0);
    run = "s3://jobs/" + UUID.randomUUID();
  }

  @Test
  void checkpointsAndAFileSinkOnS3AreExactlyOnceDespiteFailures() throws Exception {
    long seed = System.nanoTime();
    long[] failurePoints = KeyedCounting.failurePoints(seed, 3, RECORDS);
    System.out.println(
        "S3JobsITCase seed=" + seed + " failure points=" + Arrays.toString(failurePoints));
    runCounter(failurePoints, 20_000, KEYS);
    assertExactlyOnce(KEYS);
  }

  /**
   * Local recovery: the restarted subtasks run on the same (embedded) TaskManagers, so they restore
   * from the local copies and the store serves no state file.
   */
  @Test
  void aRestartOnTheSameTaskManagerReadsNoStateFileFromTheStore() throws Exception {
    long localBefore = LocalStateCopies.localReads();
    long storeBefore = server.stateFileReads();
    // at 10,000 records/s, checkpoints every 50 ms have completed by the failure at 2 s; with
    // 8,000 keys each subtask's state is a file of its own rather than inline in the metadata
    runCounter(new long[] {RECORDS / 2}, 10_000, 8_000);
    assertExactlyOnce(8_000);
    assertThat(LocalStateCopies.localReads())
        .as("state files read locally")
        .isGreaterThan(localBefore);
    assertThat(server.stateFileReads()).as("state files read from S3").isEqualTo(storeBefore);
  }

  private void runCounter(long[] failurePoints, double recordsPerSecond, int keys)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(run + "/checkpoints");
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, recordsPerSecond),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .map(new KeyedCounting.FailingMapper(failurePoints))
        .keyBy(v -> v % keys)
        .process(new KeyedCounting.CountPerKey())
        .sinkTo(FileSink.forRowFormat(run + "/out", new SimpleStringEncoder<String>()).build());
    env.execute("exactly-once on S3");
  }

  /** Every record once in the committed output, per key the counts 1..n; failures replayed some. */
  private void assertExactlyOnce(int keys) throws IOException {
    KeyedCounting.assertExactlyOnce(KeyedCounting.committedLines(run + "/out"), RECORDS, keys);
    KeyedCounting.assertReplayed(RECORDS);
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
}
