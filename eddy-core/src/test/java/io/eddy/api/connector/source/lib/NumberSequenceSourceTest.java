package io.eddy.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import io.eddy.core.testutils.source.TestingSourceRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NumberSequenceSourceTest {

  @Test
  void everyNumberExactlyOnceAcrossReadersAndFastReaderTakesMoreSplits() throws Exception {
    TestingSourceRun<Long, NumberSequenceSplit> run =
        new TestingSourceRun<>(new NumberSequenceSource(-500, 99_999), 3);

    run.runToEnd(new int[] {1, 10, 1}, 100_000);

    List<Long> expected = LongStream.rangeClosed(-500, 99_999).boxed().collect(Collectors.toList());
    List<Long> all = new ArrayList<>(run.allRecords());
    Collections.sort(all); // sorting keeps duplicates: equality means each number exactly once
    assertThat(all).isEqualTo(expected);
    assertThat(run.enumContext.assignedTo(1).size())
        .isGreaterThan(run.enumContext.assignedTo(0).size())
        .isGreaterThan(run.enumContext.assignedTo(2).size());
    for (int i = 0; i < 3; i++) {
      // One request per split received plus the last one answered with "no more splits".
      assertThat(run.readerContexts.get(i).splitRequests())
          .isEqualTo(run.enumContext.assignedTo(i).size() + 1);
    }
  }

  @Test
  void rangeEndingAtLongMaxValue() throws Exception {
    TestingSourceRun<Long, NumberSequenceSplit> run =
        new TestingSourceRun<>(new NumberSequenceSource(Long.MAX_VALUE - 9, Long.MAX_VALUE), 4);

    run.runToEnd(new int[] {1, 1, 1, 1}, 1000);

    assertThat(run.allRecords())
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(Long.MAX_VALUE - 9, Long.MAX_VALUE).boxed().toList());
  }

  @Test
  void singleNumber() throws Exception {
    TestingSourceRun<Long, NumberSequenceSplit> run =
        new TestingSourceRun<>(new NumberSequenceSource(7, 7), 2);
    run.runToEnd(new int[] {1, 1}, 100);
    assertThat(run.allRecords()).containsExactly(7L);
  }

  @Test
  void rejectsBadRanges() {
    assertThatThrownBy(() -> new NumberSequenceSource(2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NumberSequenceSource(Long.MIN_VALUE, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void splitRangeCoversRangeWithBalancedSizes() {
    List<NumberSequenceSplit> splits = NumberSequenceSplit.splitRange(10, 20, 4);
    assertThat(splits).extracting(s -> s.to() - s.from() + 1).containsExactly(3L, 3L, 3L, 2L);
    assertThat(splits.get(0).from()).isEqualTo(10);
    assertThat(splits.get(3).to()).isEqualTo(20);
    assertThat(NumberSequenceSplit.splitRange(1, 3, 10)).hasSize(3);
  }

  @Test
  void resumesFromSnapshotWithoutLossOrDuplicates() throws Exception {
    NumberSequenceSource source = new NumberSequenceSource(0, 1999);
    TestingSourceReaderContext context = new TestingSourceReaderContext();
    SourceReader<Long, NumberSequenceSplit> reader = source.createReader(context);
    reader.start();
    reader.addSplits(NumberSequenceSplit.splitRange(0, 1999, 2));
    TestingReaderOutput<Long> before = new TestingReaderOutput<>();
    reader.pollNext(before); // 512 of the first split
    reader.pollNext(before); // the remaining 488
    reader.pollNext(before); // 512 of the second split
    assertThat(before.records()).hasSize(1512);

    List<NumberSequenceSplit> state = reader.snapshotState(1);
    assertThat(state).containsExactly(new NumberSequenceSplit("1", 1512, 1999));
    NumberSequenceSplitSerializer serializer = new NumberSequenceSplitSerializer();
    SourceReader<Long, NumberSequenceSplit> restored = source.createReader(context);
    restored.start();
    for (NumberSequenceSplit split : state) {
      restored.addSplits(List.of(serializer.deserialize(1, serializer.serialize(split))));
    }
    restored.notifyNoMoreSplits();
    TestingReaderOutput<Long> after = new TestingReaderOutput<>();
    while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {}

    assertThat(before.records().size() + after.records().size()).isEqualTo(2000);
    assertThat(after.records()).doesNotContainAnyElementsOf(before.records());
  }
}
