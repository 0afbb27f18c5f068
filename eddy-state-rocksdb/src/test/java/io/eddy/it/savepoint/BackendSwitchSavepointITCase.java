package io.eddy.it.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.state.EmbeddedRocksDBStateBackend;
import io.eddy.api.common.state.HashMapStateBackend;
import io.eddy.api.common.state.StateBackendSettings;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.it.Await;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job switches state backends through a savepoint, both ways and at another parallelism: {@link
 * SavepointJob} (keyed value, map and list state, event-time windows, timers, operator list and
 * union state) is held at half its input and stopped with a savepoint on one backend, then resumed
 * on the other; what the two runs write together is exactly what an uninterrupted run writes.
 */
class BackendSwitchSavepointITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long HOLD = SavepointJob.N / 2;

  @TempDir Path checkpoints;
  @TempDir Path savepoints;

  @ParameterizedTest(name = "{0} at p=2 -> {1} at p={2}")
  @CsvSource({"heap, rocksdb, 3", "rocksdb, heap, 1", "rocksdb, rocksdb, 3"})
  void aSavepointOfOneBackendResumesOnTheOther(String from, String to, int parallelism)
      throws Exception {
    List<String> uninterrupted = uninterrupted();
    SavepointJob.resetStatics();

    CollectingSink<String> first = new CollectingSink<>();
    StreamExecutionEnvironment env = environment(2, from);
    SavepointJob.build(env, new HoldableNumberSource(SavepointJob.N, HOLD), first, true, true);
    JobClient client = env.executeAsync("held on " + from);
    long emitted = emittedBeforeHold(2);
    Await.until(() -> counted(first) == emitted, "the records before the hold");
    String savepoint =
        client.stopWithSavepoint(false, savepoints.toString()).get(60, TimeUnit.SECONDS);
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

    SavepointJob.resetStatics();
    CollectingSink<String> resumed = new CollectingSink<>();
    StreamExecutionEnvironment env2 = environment(parallelism, to);
    env2.setSavepointRestore(savepoint, false);
    SavepointJob.build(env2, HoldableNumberSource.unheld(SavepointJob.N), resumed, true, true);
    env2.execute("resumed on " + to);

    List<String> both = new ArrayList<>(first.getResults());
    both.addAll(resumed.getResults());
    assertThat(both.stream().sorted().toList()).isEqualTo(uninterrupted);
    assertThat(SavepointJob.UNION_SIZES).hasSize(parallelism).containsOnly(2);
  }

  private List<String> uninterrupted() throws Exception {
    CollectingSink<String> sink = new CollectingSink<>();
    StreamExecutionEnvironment env = environment(2, "heap");
    SavepointJob.build(env, HoldableNumberSource.unheld(SavepointJob.N), sink, true, true);
    env.execute("uninterrupted");
    return sink.getResults().stream().sorted().toList();
  }

  private StreamExecutionEnvironment environment(int parallelism, String backend) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.enableCheckpointing(60_000); // savepoints only
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.setAutoWatermarkInterval(300);
    StateBackendSettings settings =
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    env.setStateBackend(settings);
    return env;
  }

  private static long emittedBeforeHold(int parallelism) {
    List<NumberSequenceSplit> splits =
        NumberSequenceSplit.splitRange(
            0, SavepointJob.N - 1, parallelism * NumberSequenceSource.SPLITS_PER_READER);
    return splits.stream()
        .filter(s -> s.from() >= HOLD)
        .mapToLong(NumberSequenceSplit::from)
        .min()
        .orElse(SavepointJob.N);
  }

  private static long counted(CollectingSink<String> sink) {
    return sink.getResults().stream().filter(s -> s.startsWith("c:")).count();
  }
}
