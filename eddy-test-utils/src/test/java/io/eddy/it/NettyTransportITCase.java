package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs on 2 embedded TaskManagers that exchange data through the Netty data plane over loopback,
 * the transport of the distributed cluster: results are exact, and finished or cancelled jobs give
 * back every network buffer.
 */
class NettyTransportITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          MiniClusterConfig.withSlots(4)
              .withTaskManagers(2, 4)
              .withNetworkTransport(MiniClusterConfig.NetworkTransport.NETTY));

  private static final int WORDS = 101;
  private static final long RECORDS = 200_000;

  @AfterEach
  void everyBufferReturns() {
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                CLUSTER.getMiniCluster().getTaskExecutors().stream()
                    .allMatch(tm -> tm.getNetworkBufferPool().getUsedSegments() == 0));
  }

  @Test
  void keyedWordCountAcrossTaskManagersIsExact() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
    env.fromSequence(0, RECORDS - 1)
        .map(i -> Tuple2.of("w" + (i % WORDS), 1L))
        .keyBy(t -> t.f0)
        .sum(1)
        .sinkTo(sink);
    env.execute("word count over netty");

    Map<String, Long> counts = new HashMap<>();
    for (Tuple2<String, Long> t : sink.getResults()) {
      counts.merge(t.f0, t.f1, Math::max);
    }
    assertThat(sink.getResults()).hasSize((int) RECORDS);
    assertThat(counts).hasSize(WORDS);
    for (int w = 0; w < WORDS; w++) {
      long expected = RECORDS / WORDS + (w < RECORDS % WORDS ? 1 : 0);
      assertThat(counts.get("w" + w)).as("count of w%d", w).isEqualTo(expected);
    }
    List<TaskExecutor> tms = CLUSTER.getMiniCluster().getTaskExecutors();
    assertThat(tms).allSatisfy(tm -> assertThat(tm.getLocation()).startsWith("127.0.0.1:"));
    assertThat(tms)
        .as("the keyed exchange crossed TaskManagers over TCP")
        .anySatisfy(
            tm ->
                assertThat(tm.getDataPlane().getConnectionManager().numberOfConnections())
                    .isPositive());
  }

  @Test
  void cancellingReleasesChannelsAndBuffers() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    CollectingSink<Long> sink = new CollectingSink<>();
    env.fromGenerator(i -> i, Long.MAX_VALUE, 50_000).keyBy(i -> i % 13).map(i -> i).sinkTo(sink);
    JobClient client = env.executeAsync("endless over netty");
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                client.getJobStatus().get() == JobStatus.RUNNING
                    && sink.getResults().size() > 10_000);
    client.cancel().get();
    assertThatThrownBy(() -> client.getJobExecutionResult().get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("was cancelled");
    // everyBufferReturns checks the buffers of both sides
  }
}
