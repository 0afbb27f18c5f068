package io.eddy.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When failed checkpoints fail the job. */
class CheckpointFailureManagerTest {

  @Test
  void theJobFailsOnlyAfterMoreThanTheTolerableFailuresInARow() {
    CheckpointFailureManager failures = new CheckpointFailureManager(2);
    assertThat(failures.checkpointFailed(1, "timed out")).isEmpty();
    assertThat(failures.checkpointFailed(2, "declined by Map (1/2)")).isEmpty();
    assertThat(failures.consecutiveFailures()).isEqualTo(2);

    assertThat(failures.checkpointFailed(3, "timed out after 100 ms"))
        .hasValueSatisfying(
            cause ->
                assertThat(cause)
                    .hasMessage(
                        "Exceeded the number of tolerable checkpoint failures (2); the last:"
                            + " checkpoint 3 timed out after 100 ms"));
  }

  @Test
  void aCompletedCheckpointStartsTheCountOver() {
    CheckpointFailureManager failures = new CheckpointFailureManager(1);
    assertThat(failures.checkpointFailed(1, "timed out")).isEmpty();
    failures.checkpointCompleted();
    assertThat(failures.consecutiveFailures()).isZero();
    assertThat(failures.checkpointFailed(3, "timed out")).as("first in a row again").isEmpty();
    assertThat(failures.checkpointFailed(4, "timed out")).isPresent();
  }

  @Test
  void withNoToleranceTheFirstFailureFailsTheJob() {
    assertThat(new CheckpointFailureManager(0).checkpointFailed(7, "declined")).isPresent();
  }

  @Test
  void aNegativeToleranceIsRejected() {
    assertThatThrownBy(() -> new CheckpointFailureManager(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
