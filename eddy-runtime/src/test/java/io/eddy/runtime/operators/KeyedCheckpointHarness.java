package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.keygroup.KeyGroupRange;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Runs one keyed operator (String keys) as subtask {@code subtask} of {@code parallelism} on the
 * test thread, through the checkpoint SPI: {@link #restore} (initializeState) before {@link #open},
 * {@link #snapshot} writes the keyed state file as the checkpoint storage would. Processing time is
 * a {@link ManualClock}; output is recorded as {@code "value@ts"} strings.
 */
final class KeyedCheckpointHarness<IN, OUT> {
  static final int MAX_PARALLELISM = 128;

  final ManualClock clock = new ManualClock(0);
  final TaskMailbox mailbox = new TaskMailbox();
  final MailboxProcessingTimeService timeService = new MailboxProcessingTimeService(clock, mailbox);
  final HeapKeyedStateBackend<String> backend;
  final int subtask;
  final int parallelism;
  private final List<String> output = new ArrayList<>();
  private final OneInputStreamOperator<IN, OUT> operator;

  @SuppressWarnings({"unchecked", "rawtypes"})
  KeyedCheckpointHarness(
      OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, String> keySelector,
      int subtask,
      int parallelism) {
    this.operator = operator;
    this.subtask = subtask;
    this.parallelism = parallelism;
    StreamingRuntimeContext base =
        new StreamingRuntimeContext(
            "job",
            "op",
            subtask,
            parallelism,
            MAX_PARALLELISM,
            0,
            getClass().getClassLoader(),
            new HashMap<>());
    backend =
        new HeapKeyedStateBackend<>(
            range(subtask, parallelism),
            MAX_PARALLELISM,
            TypeInformation.of(String.class).createSerializer());
    ((StreamOperator) operator)
        .setup(
            new OperatorSetup(
                "op",
                new RecordingOutput(),
                base.forOperator("op", backend),
                keySelector,
                backend,
                timeService,
                null));
  }

  static KeyGroupRange range(int subtask, int parallelism) {
    return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        MAX_PARALLELISM, parallelism, subtask);
  }

  /** Whether {@code key} belongs to this subtask. */
  boolean owns(String key) {
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, parallelism)
        == subtask;
  }

  void restore(List<Path> files, int previousParallelism) throws Exception {
    operator.initializeState(
        new RestoredState(
            files.stream().map(Path::toString).toList(), List.of(), previousParallelism));
  }

  /** Restores from the files of those old subtasks whose key groups overlap this subtask's. */
  void restoreFrom(List<Path> files, int previousParallelism) throws Exception {
    KeyGroupRange own = range(subtask, parallelism);
    List<Path> overlapping = new ArrayList<>();
    for (int old = 0; old < previousParallelism; old++) {
      KeyGroupRange theirs = range(old, previousParallelism);
      if (theirs.start() <= own.end() && own.start() <= theirs.end()) {
        overlapping.add(files.get(old));
      }
    }
    restore(overlapping, previousParallelism);
  }

  void open() throws Exception {
    operator.open();
    runMails();
  }

  /** Takes a snapshot through the SPI and writes its keyed state file, as another thread would. */
  Path snapshot(Path dir, String name) throws Exception {
    OperatorSnapshot snapshot = operator.snapshotState(1, 0);
    assertThat(snapshot.keyGroups()).isEqualTo(range(subtask, parallelism));
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      snapshot.keyedState().writeTo(out);
    }
    return file;
  }

  void processElement(IN value, long timestamp) throws Exception {
    operator.processElement(new StreamRecord<>(value, timestamp));
    runMails();
  }

  void processWatermark(long timestamp) throws Exception {
    operator.processWatermark(new WatermarkElement(timestamp));
    runMails();
  }

  /** Advances the clock timer by timer, running the mails of each timer. */
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

  /** The output so far (without watermarks), which is then forgotten. */
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
      output.add(tag.getId() + ":" + record.getValue());
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {}
  }
}
