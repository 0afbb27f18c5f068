package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.it.Await;
import io.eddy.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backpressured job takes unaligned checkpoints that carry in-flight data; after one of them
 * completed, the slow keyed counter fails. The restart re-sends and replays that data: the
 * committed output must still hold every record exactly once, with exact per-key counts.
 */
class UnalignedRestoreITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 2);

  private static final int RECORDS = 12_000;
  private static final int KEYS = 8;

  /** Set by the test once a checkpoint with in-flight data completed; the counter then throws. */
  static final AtomicBoolean FAIL_NOW = new AtomicBoolean();

  @TempDir Path checkpoints;
  @TempDir Path output;

  /** Counts per key, slowly (the backpressure), and fails once on request. */
  static final class SlowCounter extends KeyedProcessFunction<Long, String, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out)
        throws IOException {
      if (FAIL_NOW.compareAndSet(true, false)) {
        throw new IllegalStateException("injected failure after an unaligned checkpoint");
      }
      LockSupport.parkNanos(200_000); // the slow operator's work, not a synchronization
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "," + next + "," + value.substring(0, value.indexOf('|')));
    }
  }

  @Test
  void inFlightDataIsRestoredExactlyOnce() throws Exception {
    FAIL_NOW.set(false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(100);
    env.getCheckpointConfig().enableUnalignedCheckpoints();
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
    String padding = "|" + "x".repeat(200);
    env.fromSource(
            new DataGeneratorSource<>(i -> i + padding, RECORDS),
            WatermarkStrategy.noWatermarks(),
            "records")
        .keyBy(s -> Long.parseLong(s.substring(0, s.indexOf('|'))) % KEYS)
        .process(new SlowCounter())
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    JobClient job = env.executeAsync("unaligned restore");
    Await.until(
        () ->
            CLUSTER
                .getMiniCluster()
                .getDispatcher()
                .requestCheckpointStats(job.getJobId())
                .join()
                .history()
                .stream()
                .anyMatch(e -> e.isCompleted() && e.inFlightDataFiles() > 0),
        "a completed checkpoint with in-flight data");
    FAIL_NOW.set(true);
    job.getJobExecutionResult().get();
    assertThat(
            CLUSTER.getMiniCluster().getDispatcher().requestNumberOfRestarts(job.getJobId()).join())
        .isEqualTo(1);

    long[] seen = new long[RECORDS];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    for (String[] line : readFinishedLines()) {
      seen[Integer.parseInt(line[2])]++;
      countsPerKey
          .computeIfAbsent(Long.parseLong(line[0]), k -> new ArrayList<>())
          .add(Long.parseLong(line[1]));
    }
    for (int v = 0; v < RECORDS; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isEqualTo(1);
    }
    countsPerKey.forEach(
        (key, counts) ->
            assertThat(counts.stream().sorted().toList())
                .as("counts of key %d", key)
                .isEqualTo(LongStream.rangeClosed(1, RECORDS / KEYS).boxed().toList()));
  }

  private List<String[]> readFinishedLines() throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().startsWith(".")) {
          for (String line : Files.readAllLines(file)) {
            lines.add(line.split(","));
          }
        }
      }
    }
    return lines;
  }
}
