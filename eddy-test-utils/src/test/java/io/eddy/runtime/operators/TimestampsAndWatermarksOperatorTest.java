package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timestamp assignment, periodic watermarks and idleness on a manual clock. */
class TimestampsAndWatermarksOperatorTest {

  @Test
  void assignsTimestampsAndEmitsBoundedOutOfOrdernessWatermarksPeriodically() throws Exception {
    WatermarkStrategy<Long> strategy =
        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(10))
            .withTimestampAssigner((value, previous) -> value);
    OneInputOperatorHarness<Long, Long> h =
        TestHarnesses.oneInput(new TimestampsAndWatermarksOperator<>(strategy, 200), null);
    h.processElement(100L, 1);
    h.processElement(130L, 1);
    h.processElement(120L, 1);
    h.processWatermark(1_000); // upstream watermarks are replaced
    assertThat(h.takeOutput()).containsExactly("100@100", "130@130", "120@120");

    h.advanceProcessingTime(Duration.ofMillis(199));
    assertThat(h.takeOutput()).isEmpty();
    h.advanceProcessingTime(Duration.ofMillis(1));
    assertThat(h.takeOutput()).containsExactly("W(119)");
    h.advanceProcessingTime(Duration.ofMillis(400));
    assertThat(h.takeOutput()).as("no repeated watermarks").isEmpty();
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.takeOutput()).containsExactly("W(" + Long.MAX_VALUE + ")");
  }

  @Test
  void withIdlenessMarksTheOutputIdleAndARecordMakesItActive() throws Exception {
    WatermarkStrategy<Long> strategy =
        WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((value, previous) -> value)
            .withIdleness(Duration.ofMillis(500));
    OneInputOperatorHarness<Long, Long> h =
        TestHarnesses.oneInput(new TimestampsAndWatermarksOperator<>(strategy, 100), null);
    h.processElement(10L, 0);
    h.advanceProcessingTime(Duration.ofMillis(100));
    assertThat(h.takeOutput()).containsExactly("10@10", "W(9)");
    h.advanceProcessingTime(Duration.ofMillis(500)); // inactivity starts at 200, idle at 700
    assertThat(h.takeOutput()).isEmpty();
    h.advanceProcessingTime(Duration.ofMillis(100));
    assertThat(h.takeOutput()).containsExactly("IDLE");
    h.advanceProcessingTime(Duration.ofMillis(1000));
    assertThat(h.takeOutput()).isEmpty();
    h.processElement(20L, 0);
    h.advanceProcessingTime(Duration.ofMillis(100));
    assertThat(h.takeOutput()).containsExactly("ACTIVE", "20@20", "W(19)");
  }
}
