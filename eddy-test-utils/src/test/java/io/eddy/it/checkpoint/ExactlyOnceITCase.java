package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.testutils.MiniClusterExtension;
import io.eddy.testutils.jobs.KeyedCounting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The core promise: a keyed counter over a deterministic source, written by the exactly-once file
 * sink, while a mapper throws at random points several times. The job restarts from its latest
 * checkpoint each time, and the finished files must hold every record exactly once with the count
 * an uninterrupted run gives it (checked against the oracle: the source's numbers and, per key, the
 * counts 1..n). The seed of the failure points is printed so that a failing run can be repeated.
 */
class ExactlyOnceITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 40_000;
  private static final int KEYS = 16;

  @TempDir Path checkpoints;
  @TempDir Path output;

  @BeforeEach
  void reset() {
    KeyedCounting.PROCESSED.set(0);
  }

  @ParameterizedTest(name = "p={0} unaligned={1}")
  @CsvSource({"1,false", "4,false", "1,true", "4,true"})
  void everyRecordExactlyOnceDespiteFailures(int parallelism, boolean unaligned) throws Exception {
    long seed = System.nanoTime();
    long[] failurePoints = failurePoints(seed, 3);
    System.out.println(
        "ExactlyOnceITCase p="
            + parallelism
            + " unaligned="
            + unaligned
            + " seed="
            + seed
            + " failure points="
            + Arrays.toString(failurePoints));
    runJob(parallelism, CheckpointingMode.EXACTLY_ONCE, unaligned, failurePoints);

    KeyedCounting.assertExactlyOnce(KeyedCounting.committedLines(output.toString()), RECORDS, KEYS);
    KeyedCounting.assertReplayed(RECORDS);
  }

  /**
   * The same over the Netty data plane: p=4 on 2 TaskManagers, so barriers (priority events when
   * unaligned), credits and restarts cross real sockets.
   */
  @ParameterizedTest(name = "netty unaligned={0}")
  @CsvSource({"false", "true"})
  void everyRecordExactlyOnceAcrossTheNetwork(boolean unaligned) throws Exception {
    CLUSTER.onNettyCluster(2, 2, () -> everyRecordExactlyOnceDespiteFailures(4, unaligned));
  }

  @ParameterizedTest(name = "p={0}")
  @CsvSource({"4"})
  void atLeastOnceLosesNothing(int parallelism) throws Exception {
    long seed = System.nanoTime();
    long[] failurePoints = failurePoints(seed, 2);
    System.out.println("ExactlyOnceITCase at-least-once seed=" + seed);
    runJob(parallelism, CheckpointingMode.AT_LEAST_ONCE, false, failurePoints);
    long[] seen = new long[(int) RECORDS];
    for (String[] line : readFinishedLines()) {
      seen[Integer.parseInt(line[2])]++;
    }
    long duplicates = 0;
    for (int v = 0; v < RECORDS; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isGreaterThanOrEqualTo(1);
      duplicates += seen[v] - 1;
    }
    System.out.println("ExactlyOnceITCase at-least-once: " + duplicates + " duplicates");
  }

  private void runJob(
      int parallelism, CheckpointingMode mode, boolean unaligned, long[] failurePoints)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.enableCheckpointing(40, mode);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, 20_000),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .map(new KeyedCounting.FailingMapper(failurePoints))
        .keyBy(v -> v % KEYS)
        .process(new KeyedCounting.CountPerKey())
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    env.execute("exactly-once under failures");
  }

  private static long[] failurePoints(long seed, int count) {
    return KeyedCounting.failurePoints(seed, count, RECORDS);
  }

  private List<String[]> readFinishedLines() throws IOException {
    return readFinishedLines(output);
  }

  /** The comma-separated fields of each line of the committed files under {@code output}. */
  static List<String[]> readFinishedLines(Path output) throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().startsWith(".")) {
          continue; // in progress or pending: not committed
        }
        for (String line : Files.readAllLines(file)) {
          lines.add(line.split(","));
        }
      }
    }
    return lines;
  }
}
