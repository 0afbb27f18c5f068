package io.eddy.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkpoint history, timed on a manual clock. */
class CheckpointStatsTrackerTest {
  private final ManualClock clock = new ManualClock(10_000);
  private final CheckpointStatsTracker tracker = new CheckpointStatsTracker(clock);

  @Test
  void recordsCompletedAndFailedCheckpointsWithTheirDurations() {
    PendingCheckpoint first = checkpoint(1, SnapshotType.CHECKPOINT);
    first.acknowledge("a", List.of(file("op-1", "a.state")));
    clock.advance(Duration.ofMillis(250));
    tracker.checkpointCompleted(first);

    PendingCheckpoint second = checkpoint(2, SnapshotType.SAVEPOINT);
    clock.advance(Duration.ofMillis(40));
    tracker.checkpointFailed(second, "timed out after 40 ms");

    CheckpointStats stats = tracker.stats();
    assertThat(stats.completed()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(stats.history())
        .containsExactly(
            new CheckpointStats.Entry(1, SnapshotType.CHECKPOINT, 10_000, 250, 1, 0, null),
            new CheckpointStats.Entry(
                2, SnapshotType.SAVEPOINT, 10_250, 40, 0, 0, "timed out after 40 ms"));
    assertThat(stats.history().get(0).isCompleted()).isTrue();
    assertThat(stats.history().get(1).isCompleted()).isFalse();
  }

  @Test
  void countsInFlightDataFilesApart() {
    PendingCheckpoint checkpoint = checkpoint(1, SnapshotType.CHECKPOINT);
    checkpoint.acknowledge(
        "a", List.of(file("op-1", "a.state"), file(ChannelState.stateId("op-1"), "a.channel")));
    tracker.checkpointCompleted(checkpoint);
    CheckpointStats.Entry entry = tracker.stats().history().get(0);
    assertThat(entry.stateFiles()).isEqualTo(2);
    assertThat(entry.inFlightDataFiles()).isEqualTo(1);
  }

  @Test
  void keepsOnlyTheLatestCheckpointsButCountsAll() {
    int total = CheckpointStatsTracker.HISTORY_SIZE + 5;
    for (long id = 1; id <= total; id++) {
      tracker.checkpointCompleted(checkpoint(id, SnapshotType.CHECKPOINT));
    }
    CheckpointStats stats = tracker.stats();
    assertThat(stats.completed()).isEqualTo(total);
    assertThat(stats.history()).hasSize(CheckpointStatsTracker.HISTORY_SIZE);
    assertThat(stats.history().get(0).checkpointId()).isEqualTo(6);
    assertThat(stats.history().get(stats.history().size() - 1).checkpointId()).isEqualTo(total);
  }

  private PendingCheckpoint checkpoint(long id, SnapshotType type) {
    return new PendingCheckpoint(id, clock.currentTimeMillis(), type, false, Set.of("a"));
  }

  private static StateFileHandle file(String operatorId, String name) {
    return new StateFileHandle(operatorId, 0, name, StateFileHandle.NO_KEY_GROUPS);
  }
}
