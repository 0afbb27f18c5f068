package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.it.Await;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Jobs with checkpoints enabled run to the end with correct results, in both modes. */
class CheckpointingITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  @TempDir Path checkpoints;

  @ParameterizedTest
  @EnumSource(CheckpointingMode.class)
  void keyedJobWithFrequentCheckpointsFinishesWithExactResults(CheckpointingMode mode)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(10, mode);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    CollectingSink<Tuple2<Long, Long>> sink = new CollectingSink<>();
    env.fromSequence(0, 199_999)
        .map(v -> Tuple2.of(v % 100, 1L))
        .keyBy(t -> t.f0)
        .sum(1)
        .filter(t -> t.f1 == 2_000)
        .sinkTo(sink);
    env.execute();
    List<Tuple2<Long, Long>> results = sink.getResults();
    Map<Long, Long> byKey = new HashMap<>();
    results.forEach(t -> byKey.merge(t.f0, 1L, Long::sum));
    assertThat(byKey).hasSize(100).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void aFailedStopWithSavepointResumesTheJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(50);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.fromSource(
            new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, 1_000),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .map(v -> v + 1)
        .sinkToDiscarding();
    JobClient job = env.executeAsync("stop fails");
    DispatcherGateway dispatcher = CLUSTER.getMiniCluster().getDispatcher();
    try {
      Await.until(
          () -> dispatcher.requestCheckpointStats(job.getJobId()).join().completed() >= 1,
          "a first checkpoint");
      Path notADirectory = Files.writeString(checkpoints.resolve("a-file"), "x");
      assertThatThrownBy(() -> job.stopWithSavepoint(false, notADirectory.toString()).get())
          .hasMessageContaining(notADirectory.toString());
      // the sources stopped at the savepoint's barrier: the job restarts and runs on
      Await.until(
          () -> dispatcher.requestNumberOfRestarts(job.getJobId()).join() >= 1, "a restart");
      Await.until(() -> job.getJobStatus().join() == JobStatus.RUNNING, "the job to run again");
      long completedBefore = dispatcher.requestCheckpointStats(job.getJobId()).join().completed();
      Await.until(
          () ->
              dispatcher.requestCheckpointStats(job.getJobId()).join().completed()
                  > completedBefore,
          "a checkpoint after the restart");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aFinishedJobLeavesNoCheckpoints() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(10);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    CollectingSink<Long> sink = new CollectingSink<>();
    env.fromSequence(0, 9_999).map(v -> v + 1).sinkTo(sink);
    env.execute();
    assertThat(sink.getResults()).hasSize(10_000);
    try (var jobs = Files.list(checkpoints)) {
      assertThat(jobs.toList()).isEmpty();
    }
  }
}
