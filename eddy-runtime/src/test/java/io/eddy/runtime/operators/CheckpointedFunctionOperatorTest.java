package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.checkpoint.CheckpointListener;
import io.eddy.api.checkpoint.CheckpointedFunction;
import io.eddy.api.checkpoint.FunctionInitializationContext;
import io.eddy.api.checkpoint.FunctionSnapshotContext;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.runtime.checkpoint.StateFiles;
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointedFunctionOperatorTest {
  @TempDir Path dir;

  /** Numbers its records per subtask; the count is operator list state. */
  static final class CountingMap extends RichMapFunction<String, String>
      implements CheckpointedFunction, CheckpointListener {
    private static final ListStateDescriptor<Long> COUNT =
        new ListStateDescriptor<>("count", Types.LONG);
    private transient ListState<Long> countState;
    long count;
    boolean restored;
    String taskNameInInitialize;
    final List<String> notifications = new ArrayList<>();

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      restored = context.isRestored();
      taskNameInInitialize = getRuntimeContext().getTaskName();
      countState = context.getOperatorStateStore().getListState(COUNT);
      for (long c : countState.get()) {
        count += c;
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      countState.update(List.of(count));
    }

    @Override
    public String map(String value) {
      return value + "#" + ++count;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      notifications.add("complete " + checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
      notifications.add("aborted " + checkpointId);
    }
  }

  private static StreamMap<String, String> start(
      CountingMap function, RestoredState restored, List<Object> out) throws Exception {
    StreamMap<String, String> operator = new StreamMap<>(function);
    TestOperatorSetup.setup(operator, 0, 1, out, null, null, null);
    operator.initializeState(restored);
    operator.open();
    return operator;
  }

  @Test
  void aCheckpointedFunctionIsRestoredFromItsOperatorState() throws Exception {
    List<Object> out = new ArrayList<>();
    CountingMap first = new CountingMap();
    StreamMap<String, String> operator = start(first, RestoredState.NONE, out);
    assertThat(first.restored).isFalse();
    assertThat(first.taskNameInInitialize).isEqualTo("op");
    operator.processElement(new StreamRecord<>("a"));
    operator.processElement(new StreamRecord<>("b"));
    OperatorSnapshot snapshot = operator.snapshotState(1, 1000);
    operator.processElement(new StreamRecord<>("lost")); // after the checkpoint
    operator.notifyCheckpointComplete(1);
    operator.notifyCheckpointAborted(2);
    assertThat(first.notifications).containsExactly("complete 1", "aborted 2");

    RestoredState restored = StateFiles.writeSnapshots(dir, List.of(snapshot));
    CountingMap second = new CountingMap();
    StreamMap<String, String> again = start(second, restored, out);
    again.processElement(new StreamRecord<>("c"));

    assertThat(second.restored).isTrue();
    assertThat(out).containsExactly("a#1", "b#2", "lost#3", "c#3");
  }

  @Test
  void keyedStateIsOnlyForFunctionsOnAKeyedStream() throws Exception {
    ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("v", Types.LONG);
    List<Object> seen = new ArrayList<>();
    class KeyedStateUser extends RichMapFunction<String, String> implements CheckpointedFunction {
      @Override
      public void initializeState(FunctionInitializationContext context) {
        ValueState<Long> state = context.getKeyedStateStore().getState(descriptor);
        seen.add(state);
      }

      @Override
      public void snapshotState(FunctionSnapshotContext context) {}

      @Override
      public String map(String value) {
        return value;
      }
    }
    StreamMap<String, String> keyed = new StreamMap<>(new KeyedStateUser());
    TestOperatorSetup.setup(keyed, 0, 1, new ArrayList<>(), (String s) -> s, null, null);
    keyed.initializeState(RestoredState.NONE);
    assertThat(seen).hasSize(1);

    StreamMap<String, String> notKeyed = new StreamMap<>(new KeyedStateUser());
    TestOperatorSetup.setup(notKeyed, 0, 1, new ArrayList<>(), null, null, null);
    assertThatThrownBy(() -> notKeyed.initializeState(RestoredState.NONE))
        .isInstanceOf(UserCodeException.class)
        .hasRootCauseInstanceOf(UnsupportedOperationException.class);
  }
}
