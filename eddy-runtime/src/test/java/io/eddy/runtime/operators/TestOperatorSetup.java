package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.util.HashMap;
import java.util.List;

/**
 * Sets up an operator as subtask {@code index} of {@code parallelism}, without opening it, so that
 * a test can call {@code initializeState} first as the task does. Records go to a list as values.
 */
public final class TestOperatorSetup {
  public static final int MAX_PARALLELISM = 128;

  private TestOperatorSetup() {}

  /**
   * @param keySelector the key of a keyed operator (the backend gets the subtask's key groups), or
   *     null
   * @param keySelector2 the key of a keyed two-input operator's second input, or null
   * @param operatorEvents the channel to the coordinator, or null
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void setup(
      StreamOperator<?> operator,
      int index,
      int parallelism,
      List<Object> records,
      KeySelector<?, ?> keySelector,
      KeySelector<?, ?> keySelector2,
      OperatorEventGateway operatorEvents) {
    StreamingRuntimeContext base =
        new StreamingRuntimeContext(
            "job",
            "task",
            index,
            parallelism,
            MAX_PARALLELISM,
            0,
            TestOperatorSetup.class.getClassLoader(),
            new HashMap<>());
    HeapKeyedStateBackend<?> backend =
        keySelector == null
            ? null
            : new HeapKeyedStateBackend<>(
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                    MAX_PARALLELISM, parallelism, index),
                MAX_PARALLELISM,
                // the keyed tests using this setup key by strings
                io.eddy.core.internal.types.serializers.StringSerializer.INSTANCE);
    ((StreamOperator) operator)
        .setup(
            new OperatorSetup(
                "op",
                new ListOutput(records),
                base.forOperator("op", backend),
                keySelector,
                backend,
                new MailboxProcessingTimeService(new ManualClock(0), new TaskMailbox()),
                operatorEvents,
                keySelector2));
  }

  private record ListOutput(List<Object> records) implements Output<Object> {
    @Override
    public void collect(StreamRecord<Object> record) {
      records.add(record.getValue());
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
      records.add(tag.getId() + ":" + record.getValue());
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {}
  }
}
