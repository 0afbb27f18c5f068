package io.eddy.runtime.operators.co;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.keygroup.KeyGroupRange;
import io.eddy.runtime.operators.OperatorSetup;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.operators.TwoInputStreamOperator;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Runs one two-input operator on the test thread, as its task would. Output is recorded as strings:
 * {@code "value@ts"}, {@code "tag:value@ts"}, {@code "W(ts)"}, {@code "IDLE"}, {@code "ACTIVE"}.
 */
final class TwoInputHarness<IN1, IN2, OUT> {
  static final int MAX_PARALLELISM = 128;

  final List<String> output = new ArrayList<>();
  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;

  @SuppressWarnings({"unchecked", "rawtypes"})
  TwoInputHarness(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, ?> key1,
      KeySelector<IN2, ?> key2)
      throws Exception {
    this.operator = operator;
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job", "op", 0, 1, MAX_PARALLELISM, 0, getClass().getClassLoader(), new HashMap<>());
    HeapKeyedStateBackend<?> backend =
        key1 == null
            ? null
            : new HeapKeyedStateBackend<>(
                new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);
    TaskMailbox mailbox = new TaskMailbox();
    ((StreamOperator) operator)
        .setup(
            new OperatorSetup(
                "op",
                new RecordingOutput(),
                context.forOperator("op", backend),
                key1,
                backend,
                new MailboxProcessingTimeService(new ManualClock(0), mailbox),
                null,
                key2));
    operator.open();
  }

  void element1(IN1 value, long timestamp) throws Exception {
    operator.processElement1(new StreamRecord<>(value, timestamp));
  }

  void element2(IN2 value, long timestamp) throws Exception {
    operator.processElement2(new StreamRecord<>(value, timestamp));
  }

  void watermark1(long timestamp) throws Exception {
    operator.processWatermark1(new WatermarkElement(timestamp));
  }

  void watermark2(long timestamp) throws Exception {
    operator.processWatermark2(new WatermarkElement(timestamp));
  }

  void status1(boolean idle) throws Exception {
    operator.processWatermarkStatus1(WatermarkStatus.of(idle));
  }

  void status2(boolean idle) throws Exception {
    operator.processWatermarkStatus2(WatermarkStatus.of(idle));
  }

  List<String> takeOutput() {
    List<String> out = new ArrayList<>(output);
    output.clear();
    return out;
  }

  private final class RecordingOutput implements Output<OUT> {
    @Override
    public void collect(StreamRecord<OUT> record) {
      output.add(record.getValue() + (record.hasTimestamp() ? "@" + record.getTimestamp() : ""));
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
      output.add(tag.getId() + ":" + record.getValue() + "@" + record.getTimestamp());
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
      output.add("W(" + watermark.getTimestamp() + ")");
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      output.add(status.isIdle() ? "IDLE" : "ACTIVE");
    }
  }
}
