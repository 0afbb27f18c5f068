package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.TimeDomain;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timers through a keyed process operator, on a manual clock (no sleeps). */
class KeyedProcessOperatorTimersTest {
  private static final KeySelector<String, String> FIRST_LETTER = v -> v.substring(0, 1);

  /** "a5": key a, registers an event-time timer at 5 (twice), and one at 100 that it deletes. */
  static final class EventTimers extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      long t = Long.parseLong(value.substring(1));
      ctx.timerService().registerEventTimeTimer(t);
      ctx.timerService().registerEventTimeTimer(t);
      ctx.timerService().registerEventTimeTimer(100);
      ctx.timerService().deleteEventTimeTimer(100);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + ctx.timeDomain().name().charAt(0) + timestamp);
      ctx.output(new OutputTag<String>("side"), "wm=" + ctx.timerService().currentWatermark());
    }
  }

  /** Registers a processing-time timer 10 ms after the current processing time. */
  static final class ProcessingTimers extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService().registerProcessingTimeTimer(now + 10);
      if (value.endsWith("!")) {
        ctx.timerService().deleteProcessingTimeTimer(now + 10);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.PROCESSING_TIME);
      out.collect(
          ctx.getCurrentKey()
              + "P"
              + timestamp
              + "/now="
              + ctx.timerService().currentProcessingTime());
      if (timestamp < 30) {
        ctx.timerService().registerProcessingTimeTimer(timestamp + 15); // chained timer
      }
    }
  }

  static final class RegistersOnNonKeyedStream extends ProcessFunction<String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect("wm=" + ctx.timerService().currentWatermark());
      ctx.timerService().registerEventTimeTimer(1);
    }
  }

  @Test
  void eventTimeTimersFireInOrderDeduplicatedWithTheirKeyWhenTheWatermarkPasses() throws Exception {
    OneInputOperatorHarness<String, String> h =
        TestHarnesses.oneInput(new KeyedProcessOperator<>(new EventTimers()), FIRST_LETTER);
    h.processElement("a7", 1);
    h.processElement("b3", 1);
    h.processElement("a3", 1);
    h.processElement("c9", 1);
    h.processWatermark(2);
    assertThat(h.takeOutput()).containsExactly("W(2)");
    h.processWatermark(7);
    assertThat(h.takeOutput())
        .containsExactly(
            "bE3@3", "side:wm=7@3", "aE3@3", "side:wm=7@3", "aE7@7", "side:wm=7@7", "W(7)");
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.takeOutput())
        .as("the deleted timers at 100 never fire")
        .containsExactly("cE9@9", "side:wm=" + Long.MAX_VALUE + "@9", "W(" + Long.MAX_VALUE + ")");
  }

  @Test
  void processingTimeTimersFireWhenTheManualClockPassesThem() throws Exception {
    OneInputOperatorHarness<String, String> h =
        TestHarnesses.oneInput(new KeyedProcessOperator<>(new ProcessingTimers()), FIRST_LETTER);
    h.processElement("a", 0); // timer a@10
    h.advanceProcessingTime(Duration.ofMillis(5));
    h.processElement("b", 0); // timer b@15
    h.processElement("c!", 0); // registered and deleted
    h.advanceProcessingTime(Duration.ofMillis(4));
    assertThat(h.takeOutput()).isEmpty();

    h.advanceProcessingTime(Duration.ofMillis(1)); // now 10
    assertThat(h.takeOutput()).containsExactly("aP10/now=10@10");
    h.advanceProcessingTime(Duration.ofMillis(20)); // now 30: b@15, a@25 (chained), b@30 (chained)
    assertThat(h.takeOutput())
        .containsExactly("bP15/now=15@15", "aP25/now=25@25", "bP30/now=30@30");
    h.advanceProcessingTime(
        Duration.ofHours(1)); // a@40 (chained from a@25); b@45 is not: 30 is not < 30
    assertThat(h.takeOutput()).containsExactly("aP40/now=40@40");
    h.advanceProcessingTime(Duration.ofHours(1));
    assertThat(h.takeOutput()).isEmpty();
  }

  @Test
  void nonKeyedStreamsTellTheTimeButCannotRegisterTimers() throws Exception {
    OneInputOperatorHarness<String, String> h =
        TestHarnesses.oneInput(new ProcessOperator<>(new RegistersOnNonKeyedStream()), null);
    h.processWatermark(4);
    assertThatThrownBy(() -> h.processElement("x", 5))
        .isInstanceOf(UserCodeException.class)
        .rootCause()
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("Timers need a keyed stream");
    assertThat(h.takeOutput()).containsExactly("W(4)", "wm=4@5");
  }
}
