package io.eddy.core.internal.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitQueueReaderTest {

  @Test
  void requestsASplitOncePerNeedAndWaitsOnTheFuture() throws Exception {
    TestingSourceReaderContext context = new TestingSourceReaderContext();
    SourceReader<Long, NumberSequenceSplit> reader =
        new NumberSequenceSource(0, 0).createReader(context);
    reader.start();
    TestingReaderOutput<Long> output = new TestingReaderOutput<>();

    assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(context.splitRequests()).isEqualTo(1);
    assertThat(reader.isAvailable()).isNotDone();

    reader.addSplits(List.of(new NumberSequenceSplit("0", 1, 3)));
    assertThat(reader.isAvailable()).isDone();
    // The split ends within the batch; no split is left, so the reader asks again.
    assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(output.records()).containsExactly(1L, 2L, 3L);
    assertThat(context.splitRequests()).isEqualTo(2);
    assertThat(reader.snapshotState(1)).isEmpty();

    reader.notifyNoMoreSplits();
    assertThat(reader.isAvailable()).isDone();
    assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(context.splitRequests()).isEqualTo(2);
    reader.close();
  }

  @Test
  void snapshotHoldsCurrentPositionAndPendingSplits() throws Exception {
    SourceReader<Long, NumberSequenceSplit> reader =
        new NumberSequenceSource(0, 0).createReader(new TestingSourceReaderContext());
    reader.addSplits(
        List.of(new NumberSequenceSplit("a", 0, 999), new NumberSequenceSplit("b", 1000, 1009)));
    assertThat(reader.pollNext(new TestingReaderOutput<>())).isEqualTo(InputStatus.MORE_AVAILABLE);

    assertThat(reader.snapshotState(1))
        .containsExactly(
            new NumberSequenceSplit("a", 512, 999), new NumberSequenceSplit("b", 1000, 1009));
  }
}
