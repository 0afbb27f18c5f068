package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.runtime.checkpoint.StateFiles;
import io.eddy.runtime.operators.TestOperatorSetup;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broadcast state of the broadcast pattern's operators is part of their checkpoints. */
class BroadcastStateCheckpointTest {
  private static final MapStateDescriptor<String, String> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);

  @TempDir Path dir;

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
    List<OperatorSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var operator = new CoBroadcastWithNonKeyedOperator<>(new Rules(), List.of(RULES));
      TestOperatorSetup.setup(operator, i, 2, new ArrayList<>(), null, null, null);
      operator.initializeState(RestoredState.NONE);
      operator.open();
      operator.processElement2(new StreamRecord<>("a=1"));
      operator.processElement2(new StreamRecord<>("b=2"));
      snapshots.add(operator.snapshotState(1, 0));
    }
    RestoredState restored = StateFiles.writeSnapshots(dir, snapshots);

    for (int i = 0; i < 3; i++) {
      List<Object> out = new ArrayList<>();
      var operator = new CoBroadcastWithNonKeyedOperator<>(new Rules(), List.of(RULES));
      TestOperatorSetup.setup(operator, i, 3, out, null, null, null);
      operator.initializeState(restored);
      operator.open();
      operator.processElement1(new StreamRecord<>("a"));
      operator.processElement1(new StreamRecord<>("b"));
      operator.processElement1(new StreamRecord<>("c"));
      assertThat(out).containsExactly("a->1", "b->2", "c->null");
    }
  }

  @Test
  void keyedBroadcastStateIsRestored() throws Exception {
    var operator = new CoBroadcastWithKeyedOperator<>(new KeyedRules(), List.of(RULES));
    TestOperatorSetup.setup(operator, 0, 1, new ArrayList<>(), (String s) -> s, null, null);
    operator.initializeState(RestoredState.NONE);
    operator.open();
    operator.processElement2(new StreamRecord<>("a=1"));
    RestoredState restored = StateFiles.writeSnapshots(dir, List.of(operator.snapshotState(1, 0)));

    List<Object> out = new ArrayList<>();
    var again = new CoBroadcastWithKeyedOperator<>(new KeyedRules(), List.of(RULES));
    TestOperatorSetup.setup(again, 0, 1, out, (String s) -> s, null, null);
    again.initializeState(restored);
    again.open();
    again.processElement1(new StreamRecord<>("a"));
    assertThat(out).containsExactly("a->1");
  }
}
