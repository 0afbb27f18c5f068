package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.state.EmbeddedRocksDBStateBackend;
import io.eddy.api.common.state.StateBackendSettings;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.runtime.client.MiniClusterExecutor;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.GatedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed job keeps its state in RocksDB when the TaskManagers' configuration says so ({@code
 * state.backend.type: rocksdb}) or when the job chooses it ({@code env.setStateBackend}), on the
 * same path; the RocksDB instances exist while the job runs and are gone (native resources closed,
 * files deleted) when it ends.
 */
class RocksDBSelectionITCase {
  @TempDir Path localDir;

  @Test
  void theTaskManagersConfigurationSelectsRocksDB() throws Exception {
    runKeyedJob(Map.of("state.backend.type", "rocksdb"), null);
  }

  @Test
  void aJobSelectsRocksDBOnHeapTaskManagers() throws Exception {
    runKeyedJob(Map.of("state.backend.type", "heap"), new EmbeddedRocksDBStateBackend(false));
  }

  private void runKeyedJob(Map<String, String> taskManagers, StateBackendSettings chosen)
      throws Exception {
    Map<String, String> config = new java.util.HashMap<>(taskManagers);
    config.put(RocksDBStateBackend.LOCAL_DIRECTORY, localDir.toString());
    try (MiniCluster cluster =
        new MiniCluster(MiniClusterConfig.withSlots(2).withStateBackend(config))) {
      PipelineExecutors.setContextExecutor(MiniClusterExecutor.onCluster(cluster));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      if (chosen != null) {
        env.setStateBackend(chosen);
      }
      GatedSource<Long, ?> source =
          GatedSource.of(
              Types.LONG.createSerializer(), LongStream.range(0, 1_000).boxed().toList());
      CollectingSink<Tuple2<Long, Long>> sink = new CollectingSink<>();
      env.fromSource(source, io.eddy.api.common.eventtime.WatermarkStrategy.noWatermarks(), "n")
          .map(v -> Tuple2.of(v % 10, 1L))
          .returns(Types.TUPLE(Types.LONG, Types.LONG))
          .keyBy(t -> t.f0)
          .sum(1)
          .sinkTo(sink);
      JobClient job = env.executeAsync("keyed");
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> sink.getResults().size() == 1_000);
      assertThat(instances()).as("RocksDB instances while the job runs").hasSize(2);
      source.open();
      job.getJobExecutionResult().get();
      assertThat(sink.getResults())
          .filteredOn(t -> t.f1 == 100)
          .extracting(t -> t.f0)
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 10).boxed().toList());
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(() -> assertThat(instances()).as("after the job").isEmpty());
    } finally {
      PipelineExecutors.setContextExecutor(null);
    }
  }

  private List<Path> instances() throws Exception {
    try (Stream<Path> files = Files.list(localDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("eddy-rocksdb-")).toList();
    }
  }
}
