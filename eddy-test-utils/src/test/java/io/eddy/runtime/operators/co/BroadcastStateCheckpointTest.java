package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.testutils.harness.FunctionHarnesses;
import io.eddy.testutils.harness.HarnessSnapshot;
import io.eddy.testutils.harness.TwoInputOperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broadcast state of the broadcast pattern's operators is part of their checkpoints. */
class BroadcastStateCheckpointTest {
  private static final MapStateDescriptor<String, String> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);

  /** Input 2 "key=value" sets a rule; input 1 looks a rule up. */
  static final class Rules extends BroadcastProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      out.collect(value + "->" + ctx.getBroadcastState(RULES).get(value));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
        throws Exception {
      String[] kv = value.split("=");
      ctx.getBroadcastState(RULES).put(kv[0], kv[1]);
    }
  }

  static final class KeyedRules
      extends KeyedBroadcastProcessFunction<String, String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      out.collect(value + "->" + ctx.getBroadcastState(RULES).get(value));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
        throws Exception {
      String[] kv = value.split("=");
      ctx.getBroadcastState(RULES).put(kv[0], kv[1]);
    }
  }

  @Test
  void nonKeyedBroadcastStateIsRestoredOnEverySubtaskAfterRescaling() throws Exception {
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      TwoInputOperatorHarness<String, String, String> operator =
          FunctionHarnesses.forBroadcastProcessFunction(new Rules(), RULES)
              .subtask(i)
              .parallelism(2)
              .build();
      operator.processElement2("a=1");
      operator.processElement2("b=2");
      snapshots.add(operator.snapshot(1));
    }
    HarnessSnapshot restored = HarnessSnapshot.combine(snapshots);

    for (int i = 0; i < 3; i++) {
      TwoInputOperatorHarness<String, String, String> operator =
          FunctionHarnesses.forBroadcastProcessFunction(new Rules(), RULES)
              .subtask(i)
              .parallelism(3)
              .restoreFrom(restored)
              .build();
      operator.processElement1("a");
      operator.processElement1("b");
      operator.processElement1("c");
      assertThat(operator.extractOutputValues()).containsExactly("a->1", "b->2", "c->null");
    }
  }

  @Test
  void keyedBroadcastStateIsRestored() throws Exception {
    TwoInputOperatorHarness<String, String, String> operator =
        FunctionHarnesses.forKeyedBroadcastProcessFunction(
                new KeyedRules(), (String s) -> s, Types.STRING, RULES)
            .build();
    operator.processElement2("a=1");
    HarnessSnapshot restored = operator.snapshot(1);

    TwoInputOperatorHarness<String, String, String> again =
        FunctionHarnesses.forKeyedBroadcastProcessFunction(
                new KeyedRules(), (String s) -> s, Types.STRING, RULES)
            .restoreFrom(restored)
            .build();
    again.processElement1("a");
    assertThat(again.extractOutputValues()).containsExactly("a->1");
  }
}
