package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.accumulators.LongCounter;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Environment features: job client, accumulators, generator, text file sink, runtime context. */
class EnvironmentITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  /** Counts records in an accumulator and checks the runtime context. */
  static final class Counting extends RichMapFunction<Long, Long> {
    private LongCounter counter;

    @Override
    public void open(OpenContext context) {
      counter = new LongCounter();
      getRuntimeContext().addAccumulator("records", counter);
      if (getRuntimeContext().getNumberOfParallelSubtasks() != 3
          || !getRuntimeContext().getJobName().equals("accumulating")
          || getRuntimeContext().getAttemptNumber() != 0) {
        throw new IllegalStateException("wrong runtime context");
      }
    }

    @Override
    public Long map(Long value) {
      counter.add(1);
      return value;
    }
  }

  @Test
  void accumulatorsAndNetRuntimeAreReported() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    env.fromSequence(1, 12345).rebalance().map(new Counting()).sinkToDiscarding();
    JobExecutionResult result = env.execute("accumulating");
    assertThat(result.<Long>getAccumulatorResult("records")).isEqualTo(12345L);
    assertThat(result.getNetRuntime()).isPositive();
    // every network buffer went back to its TaskManager once the consumers had read it
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                CLUSTER.getMiniCluster().getTaskExecutors().stream()
                    .allMatch(tm -> tm.getNetworkBufferPool().getUsedSegments() == 0));
  }

  @Test
  void generatorProducesEachIndexOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromGenerator(i -> "event-" + i, 1000, 0).sinkTo(sink);
    env.execute();
    assertThat(sink.getResults())
        .hasSize(1000)
        .doesNotHaveDuplicates()
        .contains("event-0", "event-999");
  }

  @Test
  void anUnboundedJobRunsUntilCancelled() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    CollectingSink<Long> sink = new CollectingSink<>();
    env.fromGenerator(i -> i, Long.MAX_VALUE, 1000).sinkTo(sink);
    JobClient client = env.executeAsync("endless");
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                client.getJobStatus().get() == JobStatus.RUNNING && sink.getResults().size() > 10);
    client.cancel().get();
    assertThatThrownBy(() -> client.getJobExecutionResult().get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("was cancelled");
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
  }

  @Test
  void closingTheCollectIteratorEarlyCancelsTheJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<Long> first =
        env.fromGenerator(i -> i, Long.MAX_VALUE, 0).setParallelism(1).executeAndCollect(5);
    assertThat(first).containsExactly(0L, 1L, 2L, 3L, 4L);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> CLUSTER.getMiniCluster().getResourceManager().getFreeSlots() == 8);
  }

  @Test
  void textFileSinkWritesOneFilePerSubtask(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    Path out = dir.resolve("out");
    env.fromSequence(1, 100).writeAsText(out.toString());
    env.execute();
    List<String> lines;
    try (var files = Files.list(out)) {
      lines =
          files
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertThat(lines).hasSize(100).contains("1", "100");
    assertThat(out.resolve("1")).exists();
    assertThat(out.resolve("2")).exists();
  }
}
