package io.eddy.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.windowing.assigners.EventTimeSessionWindows;
import io.eddy.api.windowing.assigners.GlobalWindows;
import io.eddy.api.windowing.assigners.SlidingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import io.eddy.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.eddy.api.windowing.windows.GlobalWindow;
import io.eddy.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersTest {

  @Test
  void tumblingWindowsAlignToSizeAndOffset() {
    var tumbling = TumblingEventTimeWindows.<String>of(Duration.ofSeconds(1));
    assertThat(tumbling.assignWindows("x", 1500, 0)).containsExactly(new TimeWindow(1000, 2000));
    assertThat(tumbling.assignWindows("x", 1000, 0)).containsExactly(new TimeWindow(1000, 2000));
    assertThat(tumbling.assignWindows("x", 999, 0)).containsExactly(new TimeWindow(0, 1000));
    assertThat(tumbling.assignWindows("x", -1, 0)).containsExactly(new TimeWindow(-1000, 0));
    var shifted =
        TumblingEventTimeWindows.<String>of(Duration.ofSeconds(1), Duration.ofMillis(200));
    assertThat(shifted.assignWindows("x", 1100, 0)).containsExactly(new TimeWindow(200, 1200));
    assertThat(new TimeWindow(0, 1000).maxTimestamp()).isEqualTo(999);
  }

  @Test
  void processingTimeWindowsUseTheClock() {
    var tumbling = TumblingProcessingTimeWindows.<String>of(Duration.ofMillis(10));
    assertThat(tumbling.assignWindows("x", 5, 27)).containsExactly(new TimeWindow(20, 30));
    assertThat(tumbling.isEventTime()).isFalse();
  }

  @Test
  void slidingWindowsCoverEachTimestampSizeOverSlideTimes() {
    var sliding = SlidingEventTimeWindows.<String>of(Duration.ofMillis(10), Duration.ofMillis(5));
    assertThat(sliding.assignWindows("x", 12, 0))
        .containsExactlyInAnyOrder(new TimeWindow(10, 20), new TimeWindow(5, 15));
    var uneven = SlidingEventTimeWindows.<String>of(Duration.ofMillis(10), Duration.ofMillis(3));
    assertThat(uneven.assignWindows("x", 12, 0))
        .allMatch(w -> w.getStart() <= 12 && 12 < w.getEnd())
        .hasSize(4);
  }

  @Test
  void sessionWindowsMergeWhenTheyOverlapOrTouch() {
    var sessions = EventTimeSessionWindows.<String>withGap(Duration.ofMillis(10));
    assertThat(sessions.assignWindows("x", 100, 0)).containsExactly(new TimeWindow(100, 110));
    List<String> merges = new ArrayList<>();
    sessions.mergeWindows(
        List.of(
            new TimeWindow(100, 110),
            new TimeWindow(130, 140),
            new TimeWindow(105, 115),
            new TimeWindow(115, 125),
            new TimeWindow(200, 210)),
        (group, result) -> merges.add(group.size() + "->" + result));
    assertThat(merges).containsExactly("3->TimeWindow{start=100, end=125}");
    var dynamic = EventTimeSessionWindows.<Long>withDynamicGap(e -> e);
    assertThat(dynamic.assignWindows(7L, 100, 0)).containsExactly(new TimeWindow(100, 107));
  }

  @Test
  void globalWindowsHoldEverything() {
    assertThat(GlobalWindows.<String>create().assignWindows("x", 1, 2))
        .containsExactly(GlobalWindow.get());
  }

  @Test
  void badSizesAndMissingTimestampsAreClearErrors() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
        .hasMessage("Tumbling window size must be at least 1 ms, but was 0 ms.");
    assertThatThrownBy(
            () ->
                TumblingEventTimeWindows.<String>of(Duration.ofSeconds(1))
                    .assignWindows("x", Long.MIN_VALUE, 0))
        .hasMessageContaining("assignTimestampsAndWatermarks");
  }
}
