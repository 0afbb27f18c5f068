package io.eddy.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.api.connector.source.lib.NumberSequenceSplitSerializer;
import io.eddy.runtime.gateway.OperatorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader that restarts alone (regional failover) from the latest completed checkpoint gets the
 * splits assigned to it after that checkpoint handed out again, and no split twice.
 */
class SourceCoordinatorReaderResetTest {
  /** Events sent, as "subtask:split" or "subtask:none". */
  private final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();

  private final NumberSequenceSplitSerializer serializer = new NumberSequenceSplitSerializer();
  private SourceCoordinator<NumberSequenceSplit, List<NumberSequenceSplit>> coordinator;

  @BeforeEach
  void start() {
    // 2 readers x 4 splits per reader = 8 splits of 100 numbers
    coordinator =
        new SourceCoordinator<>(
            "src",
            new DataGeneratorSource<>(i -> i, 800),
            2,
            (subtask, event) -> sent.add(subtask + ":" + describe(event)),
            e -> {});
    coordinator.start().join();
  }

  @AfterEach
  void close() throws Exception {
    coordinator.close();
  }

  private String describe(OperatorEvent event) {
    if (event instanceof OperatorEvent.AddSplits add) {
      try {
        return serializer.deserialize(add.version(), add.splits().get(0)).splitId();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "none";
  }

  /** Reader {@code subtask} asks for a split; returns what was sent to whom since. */
  private List<String> request(int subtask) {
    coordinator.handleEvent(subtask, new OperatorEvent.SplitRequest(subtask)).join();
    List<String> events = new ArrayList<>(sent);
    sent.clear();
    return events;
  }

  @Test
  void splitsAssignedAfterTheCompletedCheckpointGoBackToTheEnumerator() {
    assertThat(request(0)).containsExactly("0:0");
    assertThat(request(1)).containsExactly("1:1");
    coordinator.snapshotState(1).join();
    coordinator.notifyCheckpointComplete(1); // covers splits 0 and 1
    assertThat(request(0)).containsExactly("0:2");
    coordinator.snapshotState(2).join(); // never completes
    assertThat(request(0)).containsExactly("0:3");
    assertThat(request(1)).containsExactly("1:4");

    coordinator.subtaskFailed(0).join();
    assertThat(request(0)).as("nothing reaches a failed reader").isEmpty();
    assertThat(request(1)).containsExactly("1:6");
    coordinator.resetSubtask(0).join();

    // 2 and 3 (after checkpoint 1) and 5 (assigned while down) come back, oldest first; 0 stays
    // with the reader's restored state, 1, 4 and 6 with reader 1
    assertThat(request(0)).containsExactly("0:2");
    assertThat(request(0)).containsExactly("0:3");
    assertThat(request(0)).containsExactly("0:5");
    assertThat(request(0)).containsExactly("0:7");
    assertThat(request(0)).containsExactly("0:none");
  }

  @Test
  void aLaterCompletedCheckpointCoversEarlierSnapshots() {
    assertThat(request(0)).containsExactly("0:0");
    coordinator.snapshotState(1).join(); // aborted
    assertThat(request(0)).containsExactly("0:1");
    coordinator.snapshotState(2).join();
    assertThat(request(0)).containsExactly("0:2");
    coordinator.notifyCheckpointComplete(2); // covers 0 and 1
    coordinator.subtaskFailed(0).join();
    coordinator.resetSubtask(0).join();
    assertThat(request(0)).containsExactly("0:2");
    assertThat(request(0)).containsExactly("0:3");
  }

  @Test
  void aResetWithNothingUncheckpointedChangesNothing() {
    assertThat(request(0)).containsExactly("0:0");
    coordinator.snapshotState(1).join();
    coordinator.notifyCheckpointComplete(1);
    coordinator.subtaskFailed(0).join();
    coordinator.resetSubtask(0).join();
    assertThat(request(0)).containsExactly("0:1");
  }
}
