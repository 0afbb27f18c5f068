package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.keygroup.KeyGroupRange;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Runs one operator on the test thread as its task would: elements and watermarks by direct call,
 * processing-time timers on a {@link ManualClock} whose mails {@link #advance} runs. Output is
 * recorded as strings: {@code "value@ts"}, {@code "W(ts)"}, {@code "IDLE"}, {@code "ACTIVE"}.
 */
final class OperatorHarness<IN, OUT> {
  static final int MAX_PARALLELISM = 128;

  final ManualClock clock = new ManualClock(0);
  final TaskMailbox mailbox = new TaskMailbox();
  final MailboxProcessingTimeService timeService = new MailboxProcessingTimeService(clock, mailbox);
  final List<String> output = new ArrayList<>();
  private final OneInputStreamOperator<IN, OUT> operator;

  @SuppressWarnings({"unchecked", "rawtypes"})
  OperatorHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, ?> keySelector)
      throws Exception {
    this.operator = operator;
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job", "op", 0, 1, MAX_PARALLELISM, 0, getClass().getClassLoader(), new HashMap<>());
    HeapKeyedStateBackend<?> backend =
        keySelector == null
            ? null
            : new HeapKeyedStateBackend<>(
                new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);
    ((StreamOperator) operator)
        .setup(
            new OperatorSetup(
                "op", new RecordingOutput(), context, keySelector, backend, timeService, null));
    operator.open();
  }

  /** The operator under test, for calls the harness does not wrap. */
  OneInputStreamOperator<IN, OUT> operator() {
    return operator;
  }

  void processElement(IN value, long timestamp) throws Exception {
    operator.processElement(new StreamRecord<>(value, timestamp));
    runMails();
  }

  void processWatermark(long timestamp) throws Exception {
    operator.processWatermark(new WatermarkElement(timestamp));
    runMails();
  }

  /**
   * Advances the clock timer by timer, running the mails each timer enqueued before the clock moves
   * on, as a task thread that keeps up would.
   */
  void advance(Duration duration) throws Exception {
    long target = clock.currentTimeMillis() + duration.toMillis();
    while (true) {
      List<Long> pending = clock.pendingTimes();
      if (pending.isEmpty() || pending.get(0) > target) {
        break;
      }
      clock.advanceTo(pending.get(0));
      runMails();
    }
    clock.advanceTo(target);
    runMails();
  }

  void runMails() throws Exception {
    TaskMailbox.Mail mail;
    while ((mail = mailbox.tryTake()) != null) {
      mail.action().run();
    }
  }

  void close() throws Exception {
    operator.close();
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
