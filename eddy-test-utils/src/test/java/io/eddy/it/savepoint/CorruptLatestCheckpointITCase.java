package io.eddy.it.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointedFunction;
import io.eddy.api.checkpoint.FunctionInitializationContext;
import io.eddy.api.checkpoint.FunctionSnapshotContext;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job keeps its last 3 checkpoints; at its failure point a mapper truncates the newest one's
 * {@code _metadata} and throws. The restart must skip the unreadable checkpoint and restore the
 * completed one before it: the restored operator state is exactly what that checkpoint holds, and
 * the keyed counts end exact (no record lost or counted twice in state).
 */
class CorruptLatestCheckpointITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long RECORDS = 8_000;
  private static final int KEYS = 8;

  static volatile Path checkpointRoot;
  static final AtomicLong PROCESSED = new AtomicLong();
  static final AtomicBoolean FAILED = new AtomicBoolean();

  /** Checkpoint id -> the mappers' counts in it (summed over subtasks). */
  static final Map<Long, AtomicLong> SNAPSHOT_COUNTS = new ConcurrentHashMap<>();

  static volatile long corruptedId = -1;
  static volatile long previousCompletedId = -1;
  static final AtomicLong RESTORED_COUNT = new AtomicLong();
  static final AtomicLong RESTORES = new AtomicLong();

  @TempDir Path checkpoints;

  /** Counts its records in operator state; fails once, corrupting the newest checkpoint first. */
  static final class CorruptingMapper extends RichMapFunction<Long, Long>
      implements CheckpointedFunction, io.eddy.api.checkpoint.CheckpointListener {
    private static final long serialVersionUID = 1L;
    private transient ListState<Long> state;
    private transient long count;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state =
          context.getOperatorStateStore().getListState(new ListStateDescriptor<>("n", Long.class));
      for (Long c : state.get()) {
        count += c;
      }
      if (context.isRestored()) {
        RESTORES.incrementAndGet();
        RESTORED_COUNT.addAndGet(count);
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      state.update(List.of(count));
      SNAPSHOT_COUNTS
          .computeIfAbsent(context.getCheckpointId(), id -> new AtomicLong())
          .addAndGet(count);
    }

    @Override
    public Long map(Long value) {
      count++;
      PROCESSED.incrementAndGet();
      return value;
    }

    /**
     * Fails in the notification of checkpoint {@code id}: it is then the newest completed one, and
     * no newer one can complete, as this subtask takes no further checkpoint.
     */
    @Override
    public void notifyCheckpointComplete(long id) throws Exception {
      if (PROCESSED.get() < RECORDS / 3 || FAILED.get()) {
        return;
      }
      // only with an older completed checkpoint to fall back to (under load, checkpoint 1 may
      // already be past the failure point)
      List<Long> completed = completedCheckpoints();
      if (completed.stream().anyMatch(c -> c < id) && FAILED.compareAndSet(false, true)) {
        Path metadata = jobDirectory().resolve("chk-" + id).resolve("_metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        Files.write(metadata, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        corruptedId = id;
        previousCompletedId = completed.stream().filter(c -> c < id).max(Long::compare).orElse(-1L);
        throw new IllegalStateException("injected failure after corrupting chk-" + id);
      }
    }
  }

  @Test
  void aCorruptNewestCheckpointIsSkippedForThePreviousOne() throws Exception {
    checkpointRoot = checkpoints;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(20);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().setNumRetainedCheckpoints(3);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromSource(
            new DataGeneratorSource<>(i -> i, RECORDS, 8_000),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .uid("src")
        .map(new CorruptingMapper())
        .uid("mapper")
        .keyBy(v -> v % KEYS)
        .map(new KeyedCount())
        .uid("counter")
        .sinkTo(sink);
    env.execute("corrupt newest checkpoint");

    System.out.println(
        "corrupted="
            + corruptedId
            + " previous="
            + previousCompletedId
            + " snapshots="
            + SNAPSHOT_COUNTS
            + " restored="
            + RESTORED_COUNT);
    assertThat(FAILED).isTrue();
    assertThat(RESTORES.get()).isEqualTo(2); // both mapper subtasks restored, once
    // the state restored is that of the checkpoint before the corrupted one
    assertThat(SNAPSHOT_COUNTS).containsKey(previousCompletedId);
    assertThat(RESTORED_COUNT.get()).isEqualTo(SNAPSHOT_COUNTS.get(previousCompletedId).get());
    assertThat(RESTORED_COUNT.get()).isPositive();
    // keyed state exactly once: every key counted to RECORDS / KEYS, never beyond
    Map<Long, Long> max = new ConcurrentHashMap<>();
    for (String line : sink.getResults()) {
      String[] f = line.split(",");
      max.merge(Long.parseLong(f[0]), Long.parseLong(f[1]), Math::max);
    }
    assertThat(max).hasSize(KEYS).allSatisfy((k, n) -> assertThat(n).isEqualTo(RECORDS / KEYS));
  }

  /** Emits "key,count" with the key's count from keyed state. */
  static final class KeyedCount extends RichMapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private transient io.eddy.api.common.state.ValueState<Long> count;

    @Override
    public void open(io.eddy.api.common.functions.OpenContext context) {
      count =
          getRuntimeContext()
              .getState(new io.eddy.api.common.state.ValueStateDescriptor<>("c", Long.class));
    }

    @Override
    public String map(Long value) throws Exception {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      return (value % KEYS) + "," + next;
    }
  }

  static Path jobDirectory() throws IOException {
    try (Stream<Path> jobs = Files.list(checkpointRoot)) {
      return jobs.findFirst().orElseThrow();
    }
  }

  static List<Long> completedCheckpoints() throws IOException {
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> attempts = Files.list(jobDirectory())) {
      for (Path a : attempts.toList()) {
        String name = a.getFileName().toString();
        if (name.startsWith("chk-") && Files.isRegularFile(a.resolve("_metadata"))) {
          ids.add(Long.parseLong(name.substring(4)));
        }
      }
    }
    ids.sort(null);
    return ids;
  }
}
