package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.runtime.operators.TestHarnesses;
import io.eddy.testutils.harness.TwoInputOperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyed broadcast operator: keyed state, timers, broadcast state, applyToKeyedState. */
class CoBroadcastWithKeyedOperatorTest {
  static final MapStateDescriptor<String, String> CONFIG =
      new MapStateDescriptor<>("config", Types.STRING, Types.STRING);
  static final ValueStateDescriptor<Long> SUM = new ValueStateDescriptor<>("sum", Long.class);
  static final KeySelector<String, String> KEY = s -> s.substring(0, 1);

  /**
   * Sums per key the lengths of elements; a timer at ts + 10 reports the sum with the broadcast
   * prefix. A broadcast "reset" clears every key's sum; anything else becomes the prefix.
   */
  static final class SumWithPrefix
      extends KeyedBroadcastProcessFunction<String, String, String, String> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(SUM);
    }

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      Long s = sum.value();
      sum.update((s == null ? 0 : s) + value.length());
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
        throws Exception {
      if (value.equals("reset")) {
        ctx.applyToKeyedState(
            SUM,
            (key, state) -> {
              out.collect("reset " + key + " from " + state.value());
              state.clear();
            });
      } else {
        ctx.getBroadcastState(CONFIG).put("prefix", value);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
        throws Exception {
      out.collect(
          ctx.getBroadcastState(CONFIG).get("prefix")
              + ctx.getCurrentKey()
              + "="
              + sum.value()
              + " "
              + ctx.timeDomain());
    }
  }

  @Test
  void keyedStateTimersAndBroadcastStateWorkTogether() throws Exception {
    TwoInputOperatorHarness<String, String, String> h =
        TestHarnesses.twoInput(
            new CoBroadcastWithKeyedOperator<>(new SumWithPrefix(), List.of(CONFIG)), KEY, null);
    h.processElement2(">", 0);
    h.processElement1("aa", 1);
    h.processElement1("bbb", 2);
    h.processElement1("a", 3);
    h.processWatermark1(12);
    h.processWatermark2(100);
    assertThat(h.takeOutput()).containsExactly(">a=3 EVENT_TIME@11", ">b=3 EVENT_TIME@12", "W(12)");
    h.processElement2("reset", 20);
    assertThat(h.takeOutput()).containsExactlyInAnyOrder("reset a from 3@20", "reset b from 3@20");
    h.processWatermark1(20);
    assertThat(h.takeOutput()).containsExactly(">a=null EVENT_TIME@13", "W(20)");
  }

  @Test
  void unknownBroadcastStateIsAClearError() throws Exception {
    TwoInputOperatorHarness<String, String, String> h =
        TestHarnesses.twoInput(
            new CoBroadcastWithKeyedOperator<>(new SumWithPrefix(), List.of()), KEY, null);
    assertThatThrownBy(() -> h.processElement2(">", 0))
        .isInstanceOf(UserCodeException.class)
        .rootCause()
        .hasMessageContaining("no broadcast state named 'config'");
  }
}
