package io.eddy.core.internal.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.core.testutils.source.TestingSplitEnumeratorContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnDemandSplitEnumeratorTest {
  private final NumberSequenceSplit a = new NumberSequenceSplit("a", 0, 9);
  private final NumberSequenceSplit b = new NumberSequenceSplit("b", 10, 19);
  private final NumberSequenceSplit c = new NumberSequenceSplit("c", 20, 29);

  @Test
  void assignsOneSplitPerRequestThenNoMoreSplits() {
    TestingSplitEnumeratorContext<NumberSequenceSplit> context =
        new TestingSplitEnumeratorContext<>(2);
    OnDemandSplitEnumerator<NumberSequenceSplit> enumerator =
        new OnDemandSplitEnumerator<>(context, List.of(a, b, c));
    enumerator.start();
    enumerator.addReader(0);
    enumerator.addReader(1);
    assertThat(context.assignedTo(0)).isEmpty(); // nothing before a request

    enumerator.handleSplitRequest(1);
    enumerator.handleSplitRequest(0);
    enumerator.handleSplitRequest(1);
    enumerator.handleSplitRequest(1);

    assertThat(context.assignedTo(1)).containsExactly(a, c);
    assertThat(context.assignedTo(0)).containsExactly(b);
    assertThat(context.noMoreSplitsSignalled(1)).isTrue();
    assertThat(context.noMoreSplitsSignalled(0)).isFalse();
  }

  @Test
  void splitsAddedBackAreAssignedAgainAndCheckpointed() throws Exception {
    TestingSplitEnumeratorContext<NumberSequenceSplit> context =
        new TestingSplitEnumeratorContext<>(2);
    OnDemandSplitEnumerator<NumberSequenceSplit> enumerator =
        new OnDemandSplitEnumerator<>(context, List.of(a, b, c));
    enumerator.handleSplitRequest(0);
    enumerator.handleSplitRequest(0);
    assertThat(enumerator.snapshotState(1)).containsExactly(c);

    enumerator.addSplitsBack(List.of(a, b), 0);
    assertThat(enumerator.snapshotState(2)).containsExactly(a, b, c);

    OnDemandSplitEnumerator<NumberSequenceSplit> restored =
        new OnDemandSplitEnumerator<>(context, enumerator.snapshotState(3));
    restored.handleSplitRequest(1);
    assertThat(context.assignedTo(1)).containsExactly(a);
    assertThat(restored.remainingSplits()).isEqualTo(2);
  }
}
