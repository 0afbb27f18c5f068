package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.runtime.operators.windowing.PreAggregated;
import io.eddy.runtime.operators.windowing.WindowPreAggregateOperator;
import io.eddy.runtime.operators.windowing.WindowPreAggregation;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The combiner in front of a tumbling window's shuffle: what it holds, and when it lets go. Output
 * values carry their key: {@code PreAggregated[key=k, value=v]@timestamp}.
 */
class WindowPreAggregateOperatorTest {
  private static final ReduceFunction<Tuple2<String, Long>> SUM =
      (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

  private static OneInputOperatorHarness<
          Tuple2<String, Long>, PreAggregated<String, Tuple2<String, Long>>>
      harness(ReduceFunction<Tuple2<String, Long>> reducer) throws Exception {
    return harness(reducer, 1_000, false);
  }

  /** Panes of {@code paneSize} ms from the epoch; sharing windows if sliding. */
  private static OneInputOperatorHarness<
          Tuple2<String, Long>, PreAggregated<String, Tuple2<String, Long>>>
      harness(
          ReduceFunction<Tuple2<String, Long>> reducer, long paneSize, boolean panesShareWindows)
          throws Exception {
    return TestHarnesses.oneInput(
        new WindowPreAggregateOperator<>(
            new WindowPreAggregation<Tuple2<String, Long>>(
                t -> t.f0, reducer, paneSize, 0, panesShareWindows)),
        null);
  }

  private static void add(
      OneInputOperatorHarness<Tuple2<String, Long>, PreAggregated<String, Tuple2<String, Long>>> h,
      String key,
      long value,
      long timestamp)
      throws Exception {
    h.processElement(Tuple2.of(key, value), timestamp);
  }

  @Test
  void reducesPerKeyAndWindowAndEmitsBeforeTheWatermark() throws Exception {
    var h = harness(SUM);
    add(h, "a", 1, 10);
    add(h, "b", 2, 20);
    add(h, "a", 3, 30);
    add(h, "a", 4, 1_500); // the next window
    add(h, "a", 5, 5); // earlier timestamp, same window as the first
    assertThat(h.takeOutput()).isEmpty();

    h.processWatermark(100);
    List<String> out = h.takeOutput();
    // one value per key and window, at the latest timestamp of its elements, then the watermark
    assertThat(out.subList(0, 3))
        .containsExactlyInAnyOrder(
            "PreAggregated[key=a, value=(a,9)]@30",
            "PreAggregated[key=b, value=(b,2)]@20",
            "PreAggregated[key=a, value=(a,4)]@1500");
    assertThat(out.get(3)).isEqualTo("W(100)");
    assertThat(out).hasSize(4);

    h.processWatermark(200);
    assertThat(h.takeOutput()).containsExactly("W(200)"); // nothing held any more
  }

  @Test
  void aKeyMovingToAnotherPaneOfSlidingWindowsFirstEmitsItsValueThere() throws Exception {
    // digits in order: the reduce is associative but not commutative
    var h = harness((a, b) -> Tuple2.of(a.f0, a.f1 * 10 + b.f1), 500, true);
    add(h, "a", 1, 100);
    add(h, "a", 2, 200);
    add(h, "b", 7, 300);
    add(h, "a", 3, 600); // the next pane: a's value of the first goes on first
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=a, value=(a,12)]@200");
    add(h, "a", 4, 650);
    add(h, "a", 5, 450); // back to the first pane (out of order): a's second value goes on first
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=a, value=(a,34)]@650");
    h.processWatermark(0);
    assertThat(h.takeOutput())
        .containsExactlyInAnyOrder(
            "PreAggregated[key=b, value=(b,7)]@300",
            "PreAggregated[key=a, value=(a,5)]@450",
            "W(0)");
  }

  @Test
  void elementsNoLaterThanTheForwardedWatermarkGoOnAtOnceAfterWhatIsHeld() throws Exception {
    var h = harness(SUM);
    h.processWatermark(100);
    h.takeOutput();
    add(h, "a", 1, 150);
    add(h, "a", 7, 100); // not after the watermark: the window operator judges its lateness
    assertThat(h.takeOutput())
        .containsExactly(
            "PreAggregated[key=a, value=(a,1)]@150", "PreAggregated[key=a, value=(a,7)]@100");
    add(h, "a", 2, 160);
    assertThat(h.takeOutput()).isEmpty();
  }

  @Test
  void emitsBeforeACheckpointBarrierAWatermarkStatusAndAtTheEnd() throws Exception {
    var h = harness(SUM);
    add(h, "a", 1, 10);
    add(h, "a", 2, 11);
    var op = h.operator();
    op.prepareSnapshotPreBarrier(1);
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=a, value=(a,3)]@11");

    add(h, "b", 5, 12);
    op.processWatermarkStatus(WatermarkStatus.IDLE);
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=b, value=(b,5)]@12", "IDLE");

    add(h, "c", 6, 13);
    op.finish();
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=c, value=(c,6)]@13");
  }

  @Test
  void aNullReduceResultLetsTheWindowSeeBothInOrder() throws Exception {
    var h = harness((a, b) -> b.f1 < 0 ? null : Tuple2.of(a.f0, a.f1 + b.f1));
    add(h, "a", 1, 10);
    add(h, "a", 2, 11);
    add(h, "a", -1, 12);
    assertThat(h.takeOutput())
        .containsExactly(
            "PreAggregated[key=a, value=(a,3)]@11", "PreAggregated[key=a, value=(a,-1)]@12");
    add(h, "a", 4, 13);
    h.processWatermark(500);
    assertThat(h.takeOutput()).containsExactly("PreAggregated[key=a, value=(a,4)]@13", "W(500)");
  }

  @Test
  void holdsABoundedNumberOfValues() throws Exception {
    var h = harness(SUM);
    int bound = 16_384;
    for (int k = 0; k < bound - 1; k++) {
      add(h, "k" + k, 1, 10);
    }
    assertThat(h.takeOutput()).isEmpty();
    add(h, "last", 1, 10);
    assertThat(h.takeOutput()).hasSize(bound);
  }

  @Test
  void aFailingReduceNamesTheOperator() throws Exception {
    var h =
        harness(
            (a, b) -> {
              throw new IllegalArgumentException("bad sum");
            });
    add(h, "a", 1, 10);
    assertThatThrownBy(() -> add(h, "a", 2, 11)).hasMessageContaining("bad sum");
  }

  @Test
  void elementsWithoutATimestampGoOnAtOnce() throws Exception {
    var h = harness(SUM);
    add(h, "a", 1, 10);
    h.operator().processElement(new StreamRecord<>(Tuple2.of("a", 2L)));
    assertThat(h.takeOutput())
        .containsExactly(
            "PreAggregated[key=a, value=(a,1)]@10", "PreAggregated[key=a, value=(a,2)]");
  }
}
