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
import io.eddy.runtime.gateway.UserCodeException;
import io.eddy.testutils.harness.FunctionHarnesses;
import io.eddy.testutils.harness.HarnessSnapshot;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointedFunctionOperatorTest {
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

  @Test
  void aCheckpointedFunctionIsRestoredFromItsOperatorState() throws Exception {
    CountingMap first = new CountingMap();
    OneInputOperatorHarness<String, String> operator = FunctionHarnesses.forMap(first).build();
    assertThat(first.restored).isFalse();
    assertThat(first.taskNameInInitialize).isEqualTo("op");
    operator.processElement("a");
    operator.processElement("b");
    HarnessSnapshot snapshot = operator.snapshot(1);
    operator.processElement("lost"); // after the checkpoint
    operator.notifyCheckpointComplete(1);
    operator.notifyCheckpointAborted(2);
    assertThat(first.notifications).containsExactly("complete 1", "aborted 2");

    CountingMap second = new CountingMap();
    OneInputOperatorHarness<String, String> again =
        FunctionHarnesses.forMap(second).restoreFrom(snapshot).build();
    again.processElement("c");

    assertThat(second.restored).isTrue();
    List<String> out = new ArrayList<>(operator.extractOutputValues());
    out.addAll(again.extractOutputValues());
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
    FunctionHarnesses.forMap(new KeyedStateUser()).keyedBy((String s) -> s, Types.STRING).build();
    assertThat(seen).hasSize(1);

    assertThatThrownBy(() -> FunctionHarnesses.forMap(new KeyedStateUser()).build())
        .isInstanceOf(UserCodeException.class)
        .hasRootCauseInstanceOf(UnsupportedOperationException.class);
  }
}
