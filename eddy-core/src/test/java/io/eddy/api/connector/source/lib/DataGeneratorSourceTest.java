package io.eddy.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import io.eddy.core.testutils.source.TestingSourceRun;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataGeneratorSourceTest {

  @Test
  void generatesEveryIndexExactlyOnce() throws Exception {
    DataGeneratorSource<String> source = new DataGeneratorSource<>(i -> "r" + i, 10_000);
    TestingSourceRun<String, NumberSequenceSplit> run = new TestingSourceRun<>(source, 3);

    run.runToEnd(new int[] {2, 1, 3}, 10_000);

    assertThat(run.allRecords())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 10_000).mapToObj(i -> "r" + i).toList());
  }

  @Test
  void zeroCountEndsWithoutRecords() throws Exception {
    TestingSourceRun<Long, NumberSequenceSplit> run =
        new TestingSourceRun<>(new DataGeneratorSource<>(i -> i, 0), 2);
    run.runToEnd(new int[] {1, 1}, 10);
    assertThat(run.allRecords()).isEmpty();
  }

  @Test
  void rateLimitedReaderWaitsOnTheAvailabilityFutureInsteadOfBlocking() throws Exception {
    // 2000 records/s over 2 readers: 1000/s for this reader, so 300 records need about 0.3 s.
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, 300, 2000.0);
    SourceReader<Long, NumberSequenceSplit> reader =
        source.createReader(new TestingSourceReaderContext(0, 2));
    reader.start();
    reader.addSplits(List.of(new NumberSequenceSplit("0", 0, 299)));
    reader.notifyNoMoreSplits();
    TestingReaderOutput<Long> output = new TestingReaderOutput<>();

    boolean sawNothingAvailable = false;
    InputStatus status = InputStatus.MORE_AVAILABLE;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (status != InputStatus.END_OF_INPUT && System.nanoTime() < deadline) {
      long before = System.nanoTime();
      status = reader.pollNext(output);
      // A poll never waits for a permit.
      assertThat(System.nanoTime() - before).isLessThan(Duration.ofSeconds(5).toNanos());
      if (status == InputStatus.NOTHING_AVAILABLE) {
        sawNothingAvailable = true;
        await()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .atMost(Duration.ofSeconds(10))
            .until(() -> reader.isAvailable().isDone());
      }
    }

    assertThat(status).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(sawNothingAvailable).isTrue();
    assertThat(output.records())
        .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> (long) i).toList());
  }
}
