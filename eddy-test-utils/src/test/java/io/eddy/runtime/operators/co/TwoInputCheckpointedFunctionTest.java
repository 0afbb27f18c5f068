package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.checkpoint.CheckpointListener;
import io.eddy.api.checkpoint.CheckpointedFunction;
import io.eddy.api.checkpoint.FunctionInitializationContext;
import io.eddy.api.checkpoint.FunctionSnapshotContext;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.functions.co.CoMapFunction;
import io.eddy.testutils.harness.HarnessSnapshot;
import io.eddy.testutils.harness.TwoInputOperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two-input operators take part in checkpoints through their function like one-input ones. */
class TwoInputCheckpointedFunctionTest {
  /** Remembers the last value of each input in union list state. */
  static final class LastOfEach
      implements CoMapFunction<String, String, String>, CheckpointedFunction, CheckpointListener {
    private transient ListState<String> state;
    final List<String> last = new ArrayList<>();
    long completed = -1;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state =
          context
              .getOperatorStateStore()
              .getUnionListState(new ListStateDescriptor<>("last", Types.STRING));
      state.get().forEach(last::add);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      state.update(last);
    }

    @Override
    public String map1(String value) {
      last.add("1:" + value);
      return value;
    }

    @Override
    public String map2(String value) {
      last.add("2:" + value);
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completed = checkpointId;
    }
  }

  @Test
  void coMapFunctionStateIsRestored() throws Exception {
    LastOfEach function = new LastOfEach();
    TwoInputOperatorHarness<String, String, String> operator =
        TwoInputOperatorHarness.builder(new CoStreamMap<>(function)).build();
    operator.processElement1("a");
    operator.processElement2("b");
    HarnessSnapshot restored = operator.snapshot(3);
    operator.notifyCheckpointComplete(3);
    assertThat(function.completed).isEqualTo(3);

    LastOfEach again = new LastOfEach();
    TwoInputOperatorHarness.builder(new CoStreamMap<>(again)).restoreFrom(restored).build();
    assertThat(again.last).containsExactly("1:a", "2:b");
  }
}
