package io.eddy.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pending checkpoints and their timers, on a manual clock (the main thread runs actions inline).
 */
class PendingCheckpointsTest {
  private final ManualClock clock = new ManualClock(1_000);
  private final List<Runnable> mainThread = new ArrayList<>();
  private final PendingCheckpoints pending = new PendingCheckpoints(clock, mainThread::add);
  private final List<Long> timedOut = new ArrayList<>();

  @Test
  void aCheckpointTimesOutWhenTheClockPassesItsTimeout() {
    PendingCheckpoint checkpoint = checkpoint(1);
    pending.add(checkpoint, 500, () -> timedOut.add(1L));

    clock.advance(Duration.ofMillis(499));
    runMainThread();
    assertThat(timedOut).isEmpty();

    clock.advance(Duration.ofMillis(1));
    assertThat(timedOut).as("the timer only posts to the main thread").isEmpty();
    runMainThread();
    assertThat(timedOut).containsExactly(1L);
  }

  @Test
  void removingACheckpointCancelsItsTimers() {
    PendingCheckpoint checkpoint = checkpoint(1);
    pending.add(checkpoint, 500, () -> timedOut.add(1L));
    pending.schedule(checkpoint, 100, () -> timedOut.add(-1L));
    assertThat(clock.pendingActions()).isEqualTo(2);

    assertThat(pending.remove(1)).isSameAs(checkpoint);
    assertThat(clock.pendingActions()).isZero();
    clock.advance(Duration.ofSeconds(1));
    runMainThread();
    assertThat(timedOut).isEmpty();
    assertThat(pending.remove(1)).as("removed once").isNull();
  }

  @Test
  void aTimerPostedBeforeItsCheckpointEndedDoesNotRun() {
    PendingCheckpoint checkpoint = checkpoint(1);
    pending.add(checkpoint, 500, () -> timedOut.add(1L));
    clock.advance(Duration.ofMillis(500)); // posted, not yet run
    pending.remove(1);
    runMainThread();
    assertThat(timedOut).isEmpty();
  }

  @Test
  void aCheckpointIsPendingOnlyAsTheSameAttempt() {
    PendingCheckpoint first = checkpoint(1);
    pending.add(first, 500, () -> {});
    assertThat(pending.isPending(first)).isTrue();
    assertThat(pending.isPending(checkpoint(1))).as("another object with the same id").isFalse();
    pending.remove(1);
    assertThat(pending.isPending(first)).isFalse();

    pending.schedule(first, 10, () -> timedOut.add(1L));
    assertThat(clock.pendingActions()).as("nothing scheduled for an ended checkpoint").isZero();
  }

  @Test
  void tracksIdsInOrder() {
    for (long id : new long[] {3, 1, 2}) {
      pending.add(checkpoint(id), 500, () -> {});
    }
    assertThat(pending.size()).isEqualTo(3);
    assertThat(pending.ids()).containsExactly(1L, 2L, 3L);
    assertThat(pending.idsBefore(3)).containsExactly(1L, 2L);
    assertThat(pending.all())
        .extracting(PendingCheckpoint::checkpointId)
        .containsExactly(1L, 2L, 3L);
    assertThat(pending.get(2).checkpointId()).isEqualTo(2);
    assertThat(pending.get(4)).isNull();
  }

  private void runMainThread() {
    List<Runnable> actions = new ArrayList<>(mainThread);
    mainThread.clear();
    actions.forEach(Runnable::run);
  }

  private PendingCheckpoint checkpoint(long id) {
    return new PendingCheckpoint(
        id, clock.currentTimeMillis(), SnapshotType.CHECKPOINT, false, Set.of("a", "b"));
  }
}
