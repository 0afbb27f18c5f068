package io.eddy.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UncheckpointedAssignmentsTest {

  @Test
  void keepsPerReaderWhatNoCompletedCheckpointCovers() {
    UncheckpointedAssignments<String> a = new UncheckpointedAssignments<>();
    a.assigned(0, "a");
    a.assigned(1, "b");
    a.snapshotTaken(1);
    a.assigned(0, "c");
    a.snapshotTaken(2);
    a.assigned(0, "d");
    a.assigned(1, "e");
    a.checkpointCompleted(1);

    assertThat(a.takeUncheckpointed(0)).containsExactly("c", "d");
    assertThat(a.takeUncheckpointed(0)).isEmpty();
    a.checkpointCompleted(2);
    assertThat(a.takeUncheckpointed(1)).containsExactly("e");
    assertThat(a.takeUncheckpointed(2)).isEmpty();
  }

  @Test
  void snapshotsWithoutAssignmentsAndOutOfOrderCompletions() {
    UncheckpointedAssignments<String> a = new UncheckpointedAssignments<>();
    a.snapshotTaken(1);
    a.assigned(0, "a");
    a.snapshotTaken(2);
    a.assigned(0, "b");
    a.snapshotTaken(3);
    a.checkpointCompleted(3); // 2 was aborted or its notice skipped: 3 covers it
    a.checkpointCompleted(2); // late, harmless
    assertThat(a.takeUncheckpointed(0)).isEmpty();
  }
}
