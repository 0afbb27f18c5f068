package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.runtime.operators.TestHarnesses;
import io.eddy.testutils.harness.TwoInputOperatorHarness;
import org.junit.jupiter.api.Test;

/** Two-input operators driven directly: watermark combination, timers, key context. */
class TwoInputOperatorsTest {

  /** Registers an event-time timer at each element's timestamp; emits "key:ts" when it fires. */
  static final class TimerPerElement
      extends KeyedCoProcessFunction<String, String, String, String> {
    @Override
    public void processElement1(String value, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void processElement2(String value, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(
          ctx.getCurrentKey() + ":" + timestamp + " wm=" + ctx.timerService().currentWatermark());
    }
  }

  static final KeySelector<String, String> FIRST_CHAR = s -> s.substring(0, 1);

  @Test
  void timersFireWhenTheSlowerInputsWatermarkPassesThem() throws Exception {
    TwoInputOperatorHarness<String, String, String> h =
        TestHarnesses.twoInput(
            new KeyedCoProcessOperator<>(new TimerPerElement()), FIRST_CHAR, FIRST_CHAR);
    h.processElement1("a1", 10);
    h.processElement2("b1", 20);
    h.processWatermark1(100); // input 2 is slower: nothing fires
    assertThat(h.takeOutput()).isEmpty();
    h.processWatermark2(15);
    assertThat(h.takeOutput()).containsExactly("a:10 wm=15@10", "W(15)");
    h.processWatermark2(50);
    assertThat(h.takeOutput()).containsExactly("b:20 wm=50@20", "W(50)");
    h.processWatermark2(Long.MAX_VALUE);
    assertThat(h.takeOutput()).containsExactly("W(100)");
  }

  @Test
  void bothInputsIdleMakesTheOperatorIdle() throws Exception {
    TwoInputOperatorHarness<String, String, String> h =
        TestHarnesses.twoInput(
            new KeyedCoProcessOperator<>(new TimerPerElement()), FIRST_CHAR, FIRST_CHAR);
    h.processWatermark1(30);
    h.processWatermark2(10);
    assertThat(h.takeOutput()).containsExactly("W(10)");
    h.processWatermarkStatus2(true);
    assertThat(h.takeOutput()).containsExactly("W(30)");
    h.processWatermarkStatus1(true);
    assertThat(h.takeOutput()).containsExactly("IDLE");
    h.processWatermarkStatus1(false);
    assertThat(h.takeOutput()).containsExactly("ACTIVE");
  }

  /** Tries to register a timer on non-keyed connected streams. */
  static final class RegistersTimer extends CoProcessFunction<String, String, String> {
    @Override
    public void processElement1(String value, Context ctx, Collector<String> out) {
      out.collect("1:" + value + " wm=" + ctx.timerService().currentWatermark());
    }

    @Override
    public void processElement2(String value, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(5);
    }
  }

  @Test
  void coProcessSeesTheCombinedWatermarkAndCannotRegisterTimers() throws Exception {
    TwoInputOperatorHarness<String, String, String> h =
        TestHarnesses.twoInput(new CoProcessOperator<>(new RegistersTimer()), null, null);
    h.processWatermark1(7);
    h.processWatermark2(3);
    h.processElement1("x", 9);
    assertThat(h.takeOutput()).containsExactly("W(3)", "1:x wm=3@9");
    assertThatThrownBy(() -> h.processElement2("y", 1))
        .isInstanceOf(UserCodeException.class)
        .hasRootCauseInstanceOf(UnsupportedOperationException.class)
        .rootCause()
        .hasMessageContaining("Timers need a keyed stream");
  }
}
