package io.eddy.testutils.harness;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.operators.ChainingOutput;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.operators.OperatorSetup;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.StateWriter;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the one- and two-input harnesses share: an operator run on the test thread as one subtask of
 * a task would run it, with the real keyed state backend, the real timer services and the real
 * snapshot serialization; processing time on a manual clock; and everything the operator emits
 * recorded in order.
 *
 * <p>Threading: a harness is single-threaded. The test thread is the task thread: every call runs
 * the operator directly and then the mails it caused (processing-time timers that became due), so
 * when a call returns, everything it caused has been emitted.
 *
 * <p>Lifecycle: the builder sets the operator up, restores it ({@code initializeState}, from {@code
 * restoreFrom} or empty) and opens it; {@link #endInput} finishes it; {@link #close} closes it.
 */
public abstract class AbstractOperatorHarness<OUT> implements AutoCloseable {
  /**
   * One operator of the harness's chain (a single-operator harness has one): the operator, its name
   * and how it is keyed (key selectors null: not keyed; key serializer null: keyed state cannot be
   * snapshotted).
   */
  record Step(
      StreamOperator<?> operator,
      String name,
      KeySelector<?, ?> keySelector,
      KeySelector<?, ?> keySelector2,
      TypeSerializer<?> keySerializer) {}

  private final StreamOperator<?>[] operators;
  private final String[] names;
  private final KeyedStateBackend<?>[] keyedStateBackends;
  private final boolean[] keySerializerKnown;
  private final ManualClock clock;
  private final TaskMailbox mailbox = new TaskMailbox();
  private final int subtask;
  private final int parallelism;
  private final int maxParallelism;
  private final List<HarnessOutput> output = new ArrayList<>();
  private final List<HarnessOutput> untaken = new ArrayList<>();
  private Path restoreDir;
  private long nextCheckpointId = 1;
  private boolean closed;

  /** A harness of one operator, keyed as {@code settings} say. */
  AbstractOperatorHarness(StreamOperator<OUT> operator, Builder<?> settings) {
    this(
        List.of(
            new Step(
                operator,
                settings.name,
                settings.keySelector,
                settings.keySelector2,
                settings.keySerializer)),
        settings);
  }

  /**
   * A harness of the chain {@code steps} (head first), wired as the task wires a chain: each
   * operator's main output and watermarks go to the next one by a direct call; side outputs of
   * every operator and the last one's main output are recorded. Built tail-first, as the task
   * builds its chain.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  AbstractOperatorHarness(List<Step> steps, Builder<?> settings) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a harness needs at least one operator");
    }
    this.subtask = settings.subtask;
    this.parallelism = settings.parallelism;
    this.maxParallelism = settings.maxParallelism;
    this.clock = new ManualClock(settings.processingTime);
    int n = steps.size();
    operators = new StreamOperator[n];
    names = new String[n];
    keyedStateBackends = new KeyedStateBackend[n];
    keySerializerKnown = new boolean[n];
    StreamingRuntimeContext base =
        new StreamingRuntimeContext(
            "job",
            settings.name,
            subtask,
            parallelism,
            maxParallelism,
            0,
            userCodeClassLoader(),
            new HashMap<>());
    MailboxProcessingTimeService timeService = new MailboxProcessingTimeService(clock, mailbox);
    for (int i = n - 1; i >= 0; i--) {
      Step step = steps.get(i);
      operators[i] = step.operator();
      names[i] = step.name();
      keySerializerKnown[i] = step.keySerializer() != null;
      keyedStateBackends[i] =
          step.keySelector() == null
              ? null
              : settings.stateBackend.createKeyedStateBackend(
                  keyGroupRange(), maxParallelism, (TypeSerializer) step.keySerializer());
      Output<?> out =
          i == n - 1
              ? new RecordingOutput<>()
              : new SideOutputRecordingOutput<>(
                  new ChainingOutput<>((OneInputStreamOperator) operators[i + 1], null));
      ((StreamOperator) step.operator())
          .setup(
              new OperatorSetup(
                  step.name(),
                  out,
                  base.forOperator(step.name(), keyedStateBackends[i]),
                  step.keySelector(),
                  keyedStateBackends[i],
                  timeService,
                  null,
                  step.keySelector2(),
                  settings.stateBackend));
    }
  }

  private static ClassLoader userCodeClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : AbstractOperatorHarness.class.getClassLoader();
  }

  /**
   * Restores (from {@code settings}) and opens the operators, tail first as the task does; closes
   * them if either fails.
   */
  final void start(Builder<?> settings) throws Exception {
    try {
      RestoredState[] restored = new RestoredState[operators.length];
      Arrays.fill(restored, RestoredState.NONE);
      if (settings.restoredState != null) {
        if (operators.length != 1) {
          throw new IllegalArgumentException(
              "restoreFrom(RestoredState) restores one operator, not a chain of "
                  + operators.length);
        }
        restored[0] = settings.restoredState;
      }
      if (settings.restoreFrom != null) {
        if (settings.restoreFrom.operatorCount() != operators.length) {
          throw new IllegalArgumentException(
              "the snapshot holds "
                  + settings.restoreFrom.operatorCount()
                  + " operator(s) but this harness runs "
                  + operators.length);
        }
        restoreDir = Files.createTempDirectory("eddy-harness-");
        for (int i = 0; i < operators.length; i++) {
          restored[i] =
              settings.restoreFrom.writeRestore(restoreDir, i, keyGroupRange(), maxParallelism);
        }
      }
      for (int i = operators.length - 1; i >= 0; i--) {
        operators[i].initializeState(restored[i]);
      }
      for (int i = operators.length - 1; i >= 0; i--) {
        operators[i].open();
      }
      runMails();
    } catch (Exception | Error e) {
      try {
        close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The operator under test; of a chain, the last one (whose output the harness's output is). */
  @SuppressWarnings("unchecked")
  public StreamOperator<OUT> operator() {
    return (StreamOperator<OUT>) operators[operators.length - 1];
  }

  /** The head operator, which the harness's input goes to. */
  final StreamOperator<?> head() {
    return operators[0];
  }

  /** The number of operators the harness runs (1, or the length of a chain). */
  final int operatorCount() {
    return operators.length;
  }

  /** Operator {@code index} of the chain (0: the head). */
  final StreamOperator<?> operatorAt(int index) {
    return operators[index];
  }

  // ---- processing time ----

  /** The current processing time of the harness's clock. */
  public long getProcessingTime() {
    return clock.currentTimeMillis();
  }

  /**
   * Moves processing time forward to {@code time}, timer by timer: each due processing-time timer
   * fires (and what it emits is recorded) before the clock moves on, as on a task thread that keeps
   * up.
   *
   * @throws IllegalArgumentException if {@code time} is before the current processing time
   */
  public void setProcessingTime(long time) throws Exception {
    if (time < clock.currentTimeMillis()) {
      throw new IllegalArgumentException(
          "processing time cannot go back from " + clock.currentTimeMillis() + " to " + time);
    }
    while (true) {
      List<Long> pending = clock.pendingTimes();
      if (pending.isEmpty() || pending.get(0) > time) {
        break;
      }
      clock.advanceTo(pending.get(0));
      runMails();
    }
    clock.advanceTo(time);
    runMails();
  }

  /** {@link #setProcessingTime} to the current processing time plus {@code duration}. */
  public void advanceProcessingTime(Duration duration) throws Exception {
    setProcessingTime(clock.currentTimeMillis() + duration.toMillis());
  }

  /** The times at which processing-time timers are scheduled, earliest first. */
  public List<Long> getPendingProcessingTimes() {
    return clock.pendingTimes();
  }

  // ---- checkpoints ----

  /** {@link #snapshot(long)} with the next checkpoint id (1, 2, ... unless ids were given). */
  public HarnessSnapshot snapshot() throws Exception {
    return snapshot(nextCheckpointId);
  }

  /**
   * Takes a checkpoint of the operator as its task would when the barrier of checkpoint {@code
   * checkpointId} arrives ({@code prepareSnapshotPreBarrier}, then {@code snapshotState}) and
   * serializes the state as the checkpoint writer would. What the operator emits before the barrier
   * is recorded as output. The snapshot holds this subtask only; see {@link
   * HarnessSnapshot#combine}.
   *
   * @throws IllegalStateException if the operator has keyed state but the builder was not given the
   *     key type
   */
  public HarnessSnapshot snapshot(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.prepareSnapshotPreBarrier(checkpointId);
    }
    OperatorSnapshot[] snapshots = new OperatorSnapshot[operators.length];
    try {
      for (int i = 0; i < operators.length; i++) {
        snapshots[i] = operators[i].snapshotState(checkpointId, clock.currentTimeMillis());
      }
      nextCheckpointId = Math.max(nextCheckpointId, checkpointId + 1);
      List<HarnessSnapshot.OperatorState> states = new ArrayList<>();
      for (int i = 0; i < operators.length; i++) {
        OperatorSnapshot snapshot = snapshots[i];
        if (snapshot.keyedState() != null) {
          if (!keySerializerKnown[i]) {
            throw new IllegalStateException(
                "cannot snapshot keyed state of "
                    + names[i]
                    + " without a key serializer: give the builder the key type,"
                    + " keyedBy(keySelector, keyType)");
          }
          if (!snapshot.keyGroups().equals(keyGroupRange())) {
            throw new IllegalStateException(
                names[i]
                    + " snapshotted key groups "
                    + snapshot.keyGroups()
                    + " but subtask "
                    + subtask
                    + " owns "
                    + keyGroupRange());
          }
        }
        states.add(
            new HarnessSnapshot.OperatorState(
                bytes(snapshot.keyedState()), bytes(snapshot.operatorState())));
      }
      HarnessSnapshot.SubtaskState state =
          new HarnessSnapshot.SubtaskState(keyGroupRange(), states);
      return new HarnessSnapshot(parallelism, maxParallelism, Map.of(subtask, state));
    } finally {
      OperatorSnapshot.releaseAll(snapshots);
    }
  }

  private static byte[] bytes(StateWriter writer) throws IOException {
    if (writer == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(out);
    return out.toByteArray();
  }

  /** Tells the operator (and its function) that checkpoint {@code checkpointId} completed. */
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointComplete(checkpointId);
    }
    runMails();
  }

  /** Tells the operator (and its function) that checkpoint {@code checkpointId} was aborted. */
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointAborted(checkpointId);
    }
    runMails();
  }

  // ---- keys ----

  /** The index of the subtask this harness runs. */
  public int subtaskIndex() {
    return subtask;
  }

  /** The parallelism this harness's subtask is part of. */
  public int parallelism() {
    return parallelism;
  }

  /** The key groups this subtask owns. */
  public KeyGroupRange keyGroupRange() {
    return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        maxParallelism, parallelism, subtask);
  }

  /**
   * Whether elements with key {@code key} belong to this subtask; only those may be given to a
   * keyed operator, as the runtime's key partitioning would.
   */
  public boolean ownsKey(Object key) {
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, parallelism)
        == subtask;
  }

  /**
   * The keyed state backend of a keyed operator (null otherwise), to look into its state; of a
   * chain, that of the first keyed operator.
   */
  public KeyedStateBackend<?> keyedStateBackend() {
    for (KeyedStateBackend<?> backend : keyedStateBackends) {
      if (backend != null) {
        return backend;
      }
    }
    return null;
  }

  /** The keyed state backend of operator {@code index} of the chain (null if it is not keyed). */
  final KeyedStateBackend<?> keyedStateBackendAt(int index) {
    return keyedStateBackends[index];
  }

  // ---- output ----

  /** The records on the main output, watermarks and idleness changes so far, in order. */
  public List<HarnessOutput> getOutput() {
    return output.stream()
        .filter(o -> !(o instanceof HarnessOutput.Record<?> r) || r.isMainOutput())
        .toList();
  }

  /** The values of the records on the main output so far, in order. */
  @SuppressWarnings("unchecked")
  public List<OUT> extractOutputValues() {
    return output.stream()
        .filter(o -> o instanceof HarnessOutput.Record<?> r && r.isMainOutput())
        .map(o -> (OUT) ((HarnessOutput.Record<?>) o).value())
        .toList();
  }

  /** The records emitted to side output {@code tag} so far (tags are equal by id), in order. */
  @SuppressWarnings("unchecked")
  public <X> List<HarnessOutput.Record<X>> getSideOutput(OutputTag<X> tag) {
    return output.stream()
        .filter(
            o ->
                o instanceof HarnessOutput.Record<?> r
                    && r.tag() != null
                    && r.tag().getId().equals(tag.getId()))
        .map(o -> (HarnessOutput.Record<X>) o)
        .toList();
  }

  /** The values of the records emitted to side output {@code tag} so far, in order. */
  public <X> List<X> extractSideOutputValues(OutputTag<X> tag) {
    return getSideOutput(tag).stream().map(HarnessOutput.Record::value).toList();
  }

  /**
   * Everything emitted since the last take (records on the main and side outputs, watermarks,
   * idleness changes), in order, in the short forms of {@link HarnessOutput#toString}: {@code
   * "value@ts"}, {@code "tag:value@ts"}, {@code "W(ts)"}, {@code "IDLE"}, {@code "ACTIVE"}.
   */
  public List<String> takeOutput() {
    List<String> taken = untaken.stream().map(String::valueOf).toList();
    untaken.clear();
    return taken;
  }

  /** As {@link #takeOutput}, but only the records (main and side outputs). */
  public List<String> takeRecords() {
    List<String> taken =
        untaken.stream()
            .filter(o -> o instanceof HarnessOutput.Record<?>)
            .map(String::valueOf)
            .toList();
    untaken.clear();
    return taken;
  }

  /** Forgets all output so far. */
  public void clearOutput() {
    output.clear();
    untaken.clear();
  }

  // ---- lifecycle ----

  /**
   * The input ended: the operator emits what it still buffers ({@code finish}); the operators of a
   * chain finish head first, so each one's final output reaches the next.
   */
  public void endInput() throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.finish();
      runMails();
    }
  }

  /**
   * Closes the operator (every operator of a chain, even if one throws; the first error is thrown)
   * and deletes the harness's files. Idempotent.
   */
  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Exception first = null;
      for (StreamOperator<?> operator : operators) {
        try {
          operator.close();
        } catch (Exception e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      mailbox.close();
      deleteRestoreDir();
    }
  }

  private void deleteRestoreDir() throws IOException {
    if (restoreDir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(restoreDir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Runs the mails that are due (timers that fired), as the task's mailbox loop would. */
  final void runMails() throws Exception {
    TaskMailbox.Mail mail;
    while ((mail = mailbox.tryTake()) != null) {
      mail.action().run();
    }
  }

  private void record(HarnessOutput element) {
    output.add(element);
    untaken.add(element);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void recordRecord(StreamRecord<?> record, OutputTag<?> tag) {
    record(
        new HarnessOutput.Record<>(
            record.getValue(), record.getTimestamp(), record.hasTimestamp(), (OutputTag) tag));
  }

  /** The last operator's output: everything it emits is recorded. */
  private final class RecordingOutput<T> implements Output<T> {
    @Override
    public void collect(StreamRecord<T> record) {
      recordRecord(record, null);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
      recordRecord(record, tag);
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
      record(new HarnessOutput.Watermark(watermark.getTimestamp()));
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      record(new HarnessOutput.Idleness(status.isIdle()));
    }
  }

  /**
   * The output of an operator inside a chain: its side outputs are recorded, its main output,
   * watermarks and idleness go on to the next operator.
   */
  private final class SideOutputRecordingOutput<T> implements Output<T> {
    private final Output<T> next;

    SideOutputRecordingOutput(Output<T> next) {
      this.next = next;
    }

    @Override
    public void collect(StreamRecord<T> record) {
      next.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
      recordRecord(record, tag);
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
      next.emitWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      next.emitWatermarkStatus(status);
    }
  }

  /**
   * The settings both harness builders share. Defaults: subtask 0 of parallelism 1, max parallelism
   * 128, processing time 0, operator name "op", nothing to restore.
   */
  public abstract static class Builder<B extends Builder<B>> {
    String name = "op";
    int parallelism = 1;
    int subtask;
    int maxParallelism = 128;
    long processingTime;
    HarnessSnapshot restoreFrom;
    RestoredState restoredState;
    KeySelector<?, ?> keySelector;
    KeySelector<?, ?> keySelector2;
    TypeSerializer<?> keySerializer;
    StateBackend stateBackend = StateBackends.named(StateBackends.DEFAULT);

    Builder() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** The operator's name (and task name) as its runtime context reports it. */
    public B name(String name) {
      this.name = name;
      return self();
    }

    /** The parallelism of the operator whose one subtask the harness runs. */
    public B parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
      }
      this.parallelism = parallelism;
      return self();
    }

    /** The index (from 0) of the subtask the harness runs. */
    public B subtask(int subtask) {
      this.subtask = subtask;
      return self();
    }

    /** The max parallelism, i.e. the number of key groups. */
    public B maxParallelism(int maxParallelism) {
      this.maxParallelism = maxParallelism;
      return self();
    }

    /** Where the operator keeps its state (default: the heap backend). */
    public B stateBackend(StateBackend stateBackend) {
      this.stateBackend = stateBackend;
      return self();
    }

    /** The processing time the clock starts at. */
    public B processingTime(long processingTime) {
      this.processingTime = processingTime;
      return self();
    }

    /**
     * Restore the operator from {@code snapshot} (of this operator at any parallelism, with the
     * same max parallelism): this subtask gets the keyed state of its key groups and its share of
     * the operator state, as the runtime would give it.
     */
    public B restoreFrom(HarnessSnapshot snapshot) {
      this.restoreFrom = snapshot;
      this.restoredState = null;
      return self();
    }

    /**
     * Restore the operator from state files as the runtime names them, for tests of the restore
     * path itself (missing or damaged files). Prefer {@link #restoreFrom(HarnessSnapshot)}.
     */
    public B restoreFrom(RestoredState restored) {
      this.restoredState = restored;
      this.restoreFrom = null;
      return self();
    }

    void keyed(KeySelector<?, ?> first, KeySelector<?, ?> second, TypeInformation<?> keyType) {
      this.keySelector = first;
      this.keySelector2 = second;
      this.keySerializer = keyType == null ? null : keyType.createSerializer();
    }

    void check() {
      if (subtask < 0 || subtask >= parallelism) {
        throw new IllegalArgumentException(
            "subtask " + subtask + " is not one of parallelism " + parallelism);
      }
      if (parallelism > maxParallelism) {
        throw new IllegalArgumentException(
            "parallelism " + parallelism + " exceeds max parallelism " + maxParallelism);
      }
    }
  }
}
