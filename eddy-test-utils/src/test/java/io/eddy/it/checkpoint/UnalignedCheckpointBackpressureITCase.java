package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.it.Await;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow sink backpressures the job, so its queues are full: an aligned barrier waits behind about
 * 1600 queued records at 5 ms each (about 8 s) and times out after 3 s, while an unaligned barrier
 * overtakes them (their bytes become part of the checkpoint) and completes quickly.
 */
class UnalignedCheckpointBackpressureITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(1, 2);

  private static final long TIMEOUT_MS = 3_000;

  @TempDir Path checkpoints;

  @Test
  void alignedCheckpointTimesOutUnderBackpressure() throws Exception {
    JobClient job = startBackpressuredJob(false);
    try {
      Await.until(() -> stats(job).failed() >= 1, "an aligned checkpoint to time out");
      CheckpointStats stats = stats(job);
      assertThat(stats.completed()).isZero();
      assertThat(stats.history().get(0).failureReason()).contains("timed out");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void unalignedCheckpointCompletesUnderBackpressure() throws Exception {
    JobClient job = startBackpressuredJob(true);
    try {
      Await.until(() -> stats(job).completed() >= 2, "two unaligned checkpoints to complete");
      CheckpointStats stats = stats(job);
      assertThat(stats.failed()).isZero();
      assertThat(stats.history())
          .filteredOn(CheckpointStats.Entry::isCompleted)
          .allSatisfy(e -> assertThat(e.durationMillis()).isLessThan(TIMEOUT_MS))
          .anySatisfy(e -> assertThat(e.inFlightDataFiles()).isPositive());
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void alignedCheckpointTurnsUnalignedAfterTheAlignmentTimeout() throws Exception {
    JobClient job = startBackpressuredJob(true, Duration.ofMillis(300));
    try {
      Await.until(
          () -> stats(job).completed() >= 2, "two checkpoints to complete after turning unaligned");
      CheckpointStats stats = stats(job);
      assertThat(stats.failed()).isZero();
      assertThat(stats.history())
          .filteredOn(CheckpointStats.Entry::isCompleted)
          .anySatisfy(e -> assertThat(e.inFlightDataFiles()).isPositive()); // it did turn
    } finally {
      job.cancel().get();
    }
  }

  private JobClient startBackpressuredJob(boolean unaligned) throws Exception {
    return startBackpressuredJob(unaligned, Duration.ZERO);
  }

  private JobClient startBackpressuredJob(boolean unaligned, Duration alignedTimeout)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(500);
    env.getCheckpointConfig().setCheckpointTimeout(TIMEOUT_MS);
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(1_000);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
    env.getCheckpointConfig().setAlignedCheckpointTimeout(alignedTimeout);
    env.setRestartStrategy(RestartStrategies.noRestart());
    String padding = "x".repeat(180); // about 160 records per 32 KiB buffer
    env.fromSource(
            new DataGeneratorSource<>(i -> i + padding, Long.MAX_VALUE),
            WatermarkStrategy.noWatermarks(),
            "records")
        .map(s -> s)
        .disableChaining()
        .map(
            s -> {
              LockSupport.parkNanos(5_000_000); // the slow sink's work, not a synchronization
              return s.length();
            })
        .disableChaining()
        .sinkToDiscarding();
    return env.executeAsync("backpressured");
  }

  private static CheckpointStats stats(JobClient job) {
    return CLUSTER.getMiniCluster().getDispatcher().requestCheckpointStats(job.getJobId()).join();
  }
}
