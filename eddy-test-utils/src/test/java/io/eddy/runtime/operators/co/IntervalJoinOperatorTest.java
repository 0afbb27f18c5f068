package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.functions.co.ProcessJoinFunction;
import io.eddy.runtime.operators.TestHarnesses;
import io.eddy.testutils.harness.TwoInputOperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval join against hand-computed pairs. Left elements are "key+name", right elements
 * "key+name"; a left element at l joins right elements at r with l + lower <= r <= l + upper.
 */
class IntervalJoinOperatorTest {
  static final KeySelector<String, String> KEY = s -> s.substring(0, 1);

  static final class Pair extends ProcessJoinFunction<String, String, String> {
    @Override
    public void processElement(String left, String right, Context ctx, Collector<String> out) {
      out.collect(left + "+" + right);
    }
  }

  private static TwoInputOperatorHarness<String, String, String> join(long lower, long upper)
      throws Exception {
    return TestHarnesses.twoInput(new IntervalJoinOperator<>(new Pair(), lower, upper), KEY, KEY);
  }

  /** Right elements arrive out of order, before and after their partners. */
  private static List<String> runOutOfOrder(long lower, long upper) throws Exception {
    TwoInputOperatorHarness<String, String, String> h = join(lower, upper);
    h.processElement2("kz", 6);
    h.processElement1("kA", 5);
    h.processElement2("kx", 3);
    h.processElement1("kB", 10);
    h.processElement2("kw", 11);
    h.processElement2("ky", 4);
    h.processElement2("kv", 13);
    h.processElement2("jq", 5); // another key: joins nothing
    return h.takeOutput().stream().sorted().toList();
  }

  @Test
  void inclusiveBounds() throws Exception {
    // A@5 joins [3, 6]: x@3, y@4, z@6; B@10 joins [8, 11]: w@11. Timestamp = max of the two.
    assertThat(runOutOfOrder(-2, 1)).containsExactly("kA+kx@5", "kA+ky@5", "kA+kz@6", "kB+kw@11");
  }

  @Test
  void exclusiveLowerBound() throws Exception {
    // (l - 2, l + 1] as inclusive [l - 1, l + 1]: A joins y@4, z@6; B joins w@11.
    assertThat(runOutOfOrder(-1, 1)).containsExactly("kA+ky@5", "kA+kz@6", "kB+kw@11");
  }

  @Test
  void exclusiveUpperBound() throws Exception {
    // [l - 2, l + 1) as inclusive [l - 2, l]: A joins x@3, y@4; B joins nothing in [8, 10].
    assertThat(runOutOfOrder(-2, 0)).containsExactly("kA+kx@5", "kA+ky@5");
  }

  @Test
  void lateElementsAreDroppedAndBuffersCleanedOnceTheWatermarkPasses() throws Exception {
    TwoInputOperatorHarness<String, String, String> h = join(0, 2);
    h.processElement1("kA", 10); // joins right elements in [10, 12]
    h.processWatermark1(12);
    h.processWatermark2(12);
    h.processElement2("kx", 12); // not late (12 >= 12): joins
    h.processElement2("ky", 11); // late: dropped
    h.processWatermark1(13);
    h.processWatermark2(13);
    h.processElement1("kB", 12); // late
    h.processElement1("kC", 13); // joins x@12? needs 13 <= 12: no
    assertThat(h.takeOutput()).containsExactly("W(12)", "kA+kx@12", "W(13)");
  }
}
