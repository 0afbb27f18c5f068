package io.eddy.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.client.DispatcherExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The exactly-once keyed counter of the failover tests and its oracle: values 0..n-1 keyed by
 * {@code value % keys}, written as "key,count,value".
 */
final class KeyedCounts {
  private KeyedCounts() {}

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

  /**
   * Submits the counter over {@code records} values (generated at {@code rate} per second) at
   * parallelism 4 to {@code jm}: checkpoints every 100 ms into {@code checkpoints}, restarts at
   * most 5 times after 200 ms, writes to {@code output}.
   */
  static JobClient submit(
      JobManagerRunner jm,
      String name,
      Path checkpoints,
      Path output,
      long records,
      int keys,
      double rate)
      throws Exception {
    PipelineExecutors.setThreadContext(
        new DispatcherExecutor(
            jm.dispatcher(),
            jm.libraryCache(),
            SavepointRestoreSettings.NONE,
            checkpoints.toString(),
            id -> {}),
        4);
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.enableCheckpointing(100);
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(200)));
      env.fromSource(
              new DataGeneratorSource<>(i -> i, records, rate),
              WatermarkStrategy.noWatermarks(),
              "numbers")
          .keyBy(v -> v % keys)
          .process(new CountPerKey())
          .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
      return env.executeAsync(name);
    } finally {
      PipelineExecutors.clearThreadContext();
    }
  }

  /** Starts {@code count} TaskManagers with {@code slots} each and waits until they registered. */
  static List<TaskManagerRunner> startTaskManagers(
      JobManagerRunner jm, int count, int slots, Path work) {
    List<TaskManagerRunner> tms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tms.add(
          TaskManagerRunner.start(
              TaskManagerRunnerConfig.forTests(jm.rpcAddress(), slots, work.resolve("tm" + i))));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jm.resourceManager().getNumberOfTaskManagers() == count);
    return tms;
  }

  /**
   * The finished files under {@code output} hold every record once, and per key the counts 1..n:
   * the state survived whatever moved it.
   */
  static void assertExactlyOnce(Path output, long records, int keys) throws IOException {
    long[] seen = new long[(int) records];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(output)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split(",");
        seen[Integer.parseInt(f[2])]++;
        countsPerKey
            .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
            .add(Long.parseLong(f[1]));
      }
    }
    for (int v = 0; v < records; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isEqualTo(1);
    }
    assertThat(countsPerKey).hasSize(keys);
    countsPerKey.forEach(
        (key, counts) ->
            assertThat(counts.stream().sorted().toList())
                .as("counts of key %d", key)
                .isEqualTo(LongStream.rangeClosed(1, records / keys).boxed().toList()));
  }
}
