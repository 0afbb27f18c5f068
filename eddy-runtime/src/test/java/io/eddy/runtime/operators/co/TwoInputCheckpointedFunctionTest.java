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
import io.eddy.runtime.checkpoint.StateFiles;
import io.eddy.runtime.operators.TestOperatorSetup;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-input operators take part in checkpoints through their function like one-input ones. */
class TwoInputCheckpointedFunctionTest {
  @TempDir Path dir;

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
    CoStreamMap<String, String, String> operator = new CoStreamMap<>(function);
    TestOperatorSetup.setup(operator, 0, 1, new ArrayList<>(), null, null, null);
    operator.initializeState(RestoredState.NONE);
    operator.open();
    operator.processElement1(new StreamRecord<>("a"));
    operator.processElement2(new StreamRecord<>("b"));
    RestoredState restored = StateFiles.writeSnapshots(dir, List.of(operator.snapshotState(3, 0)));
    operator.notifyCheckpointComplete(3);
    assertThat(function.completed).isEqualTo(3);

    LastOfEach again = new LastOfEach();
    CoStreamMap<String, String, String> restoredOperator = new CoStreamMap<>(again);
    TestOperatorSetup.setup(restoredOperator, 0, 1, new ArrayList<>(), null, null, null);
    restoredOperator.initializeState(restored);
    assertThat(again.last).containsExactly("1:a", "2:b");
  }
}
