package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobExecutionException;
import io.eddy.api.JobExecutionResult;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.accumulators.LongCounter;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.runtime.rpc.grpc.RemoteFailure;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on 2 embedded TaskManagers that registered over gRPC and whose every JobManager ↔
 * TaskManager call goes through the gRPC services (in-process transport), with data over the Netty
 * data plane: the distributed cluster's code paths inside one JVM.
 */
class GrpcControlPlaneITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          MiniClusterConfig.withSlots(4)
              .withTaskManagers(2, 4)
              .withNetworkTransport(MiniClusterConfig.NetworkTransport.NETTY)
              .withControlPlane(MiniClusterConfig.ControlPlane.GRPC_IN_PROCESS));

  @TempDir Path checkpoints;

  @Test
  void taskManagersRegisteredTheirSlotsOverGrpc() {
    var resourceManager = CLUSTER.getMiniCluster().getResourceManager();
    assertThat(resourceManager.getNumberOfTaskManagers()).isEqualTo(2);
    assertThat(resourceManager.getTotalSlots()).isEqualTo(8);
  }

  @Test
  void checkpointedKeyedJobFinishesWithExactResults() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.enableCheckpointing(10);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    CollectingSink<Tuple2<Long, Long>> sink = new CollectingSink<>();
    env.fromSequence(0, 99_999)
        .map(v -> Tuple2.of(v % 100, 1L))
        .keyBy(t -> t.f0)
        .sum(1)
        .sinkTo(sink);
    env.execute("checkpointed over grpc");
    Map<Long, Long> counts = new HashMap<>();
    sink.getResults().forEach(t -> counts.merge(t.f0, t.f1, Math::max));
    assertThat(sink.getResults()).hasSize(100_000);
    assertThat(counts).hasSize(100).allSatisfy((k, n) -> assertThat(n).isEqualTo(1_000L));
  }

  @Test
  void collectedResultsArriveThroughTheJobMasterService() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Long> out = new ArrayList<>();
    try (var it = env.fromSequence(1, 20_000).map(v -> v * 2).executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    assertThat(out).hasSize(20_000);
    assertThat(out.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000L * 20_001L);
  }

  /** Counts records in a built-in counter, or in an accumulator of its own. */
  static final class Counting extends RichMapFunction<Long, Long> {
    private final boolean custom;
    private LongCounter counter;

    Counting(boolean custom) {
      this.custom = custom;
    }

    @Override
    public void open(OpenContext context) {
      counter = new LongCounter();
      getRuntimeContext().addAccumulator("records", custom ? new OwnCounter(counter) : counter);
    }

    @Override
    public Long map(Long value) {
      counter.add(1);
      return value;
    }
  }

  /** A user's own accumulator: it cannot cross the control plane without Java deserialization. */
  record OwnCounter(LongCounter inner) implements Accumulator<Long, Long> {
    @Override
    public void add(Long value) {
      inner.add(value);
    }

    @Override
    public Long getLocalValue() {
      return inner.getLocalValue();
    }

    @Override
    public void resetLocal() {
      inner.resetLocal();
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
      inner.add(other.getLocalValue());
    }

    @Override
    public OwnCounter clone() {
      return new OwnCounter(inner.clone());
    }
  }

  @Test
  void builtInAccumulatorsArriveAsTypedValues() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    env.fromSequence(1, 12345).rebalance().map(new Counting(false)).sinkToDiscarding();
    JobExecutionResult result = env.execute("accumulating over grpc");
    assertThat(result.<Long>getAccumulatorResult("records")).isEqualTo(12345L);
  }

  @Test
  void aCustomAccumulatorFailsTheJobWithAClearMessage() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSequence(1, 100).map(new Counting(true)).sinkToDiscarding();
    assertThatThrownBy(
            () ->
                env.executeAsync("custom accumulator")
                    .getJobExecutionResult()
                    .get(60, TimeUnit.SECONDS))
        .hasMessageContaining("'records'")
        .hasMessageContaining("only IntCounter and LongCounter");
  }

  @Test
  void aTaskFailureArrivesAsReadableText() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSequence(0, 100)
        .map(
            v -> {
              if (v == 77) {
                throw new IllegalStateException("bad record 77");
              }
              return v;
            })
        .name("Validate")
        .sinkToDiscarding();
    assertThatThrownBy(() -> env.execute("failing job"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Validate (")
        .hasMessageContaining("bad record 77")
        .hasRootCauseMessage("bad record 77")
        .rootCause()
        .isInstanceOf(RemoteFailure.class)
        .hasToString("java.lang.IllegalStateException: bad record 77");
  }
}
