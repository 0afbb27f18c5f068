package io.eddy.runtime.source;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.checkpoint.StateFiles;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.operators.OperatorEventGateway;
import io.eddy.runtime.operators.OperatorSetup;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One source of a job on the test thread: a real {@link SourceCoordinator} and one {@link
 * SourceOperator} per subtask. Events from the coordinator are queued and delivered between polls,
 * as the JobMaster and the task mailboxes would; events to the coordinator are handled at once. A
 * checkpoint snapshots the coordinator first, delivers the assignments made before it, then
 * snapshots the readers (the order the JobMaster keeps).
 */
final class SourceTestJob<T, SplitT extends SourceSplit> implements AutoCloseable {
  record Checkpoint(byte[] enumeratorState, List<OperatorSnapshot> readers) {}

  private record Delivery(int subtask, OperatorEvent event) {}

  private final SourceCoordinator<SplitT, ?> coordinator;
  private final List<SourceOperator<T, SplitT>> readers = new ArrayList<>();
  private final List<Boolean> finished = new ArrayList<>();
  private final ConcurrentLinkedQueue<Delivery> toReaders = new ConcurrentLinkedQueue<>();

  /** Every record emitted, in order of emission, over all readers. */
  final List<Object> records = new ArrayList<>();

  /** The records of each reader. */
  final List<List<Object>> recordsBySubtask = new ArrayList<>();

  /**
   * A fresh start ({@code restored} null) or a restore from a checkpoint written to {@code dir}.
   */
  SourceTestJob(Source<T, SplitT, ?> source, int parallelism, Checkpoint restored, Path dir)
      throws Exception {
    coordinator =
        new SourceCoordinator<>(
            "source",
            source,
            parallelism,
            (subtask, event) -> toReaders.add(new Delivery(subtask, event)),
            e -> {});
    coordinator.start(restored == null ? null : restored.enumeratorState()).join();
    RestoredState state =
        restored == null ? RestoredState.NONE : StateFiles.writeSnapshots(dir, restored.readers());
    for (int i = 0; i < parallelism; i++) {
      int subtask = i;
      SourceOperator<T, SplitT> reader = new SourceOperator<>(source);
      List<Object> own = new ArrayList<>();
      recordsBySubtask.add(own);
      setUp(
          reader,
          i,
          parallelism,
          new TeeList(own, records),
          event -> {
            coordinator.handleEvent(subtask, event).join();
            return CompletableFuture.completedFuture(null);
          });
      reader.initializeState(state);
      reader.open();
      readers.add(reader);
      finished.add(false);
    }
  }

  /** Delivers pending events, then polls every unfinished reader once; false when all ended. */
  boolean round() throws Exception {
    deliver();
    boolean progress = false;
    boolean running = false;
    for (int i = 0; i < readers.size(); i++) {
      if (finished.get(i)) {
        continue;
      }
      running = true;
      int before = records.size();
      InputStatus status = readers.get(i).emitNext();
      if (status == InputStatus.END_OF_INPUT) {
        finished.set(i, true);
      }
      progress |= records.size() > before || status != InputStatus.NOTHING_AVAILABLE;
    }
    if (running && !progress && toReaders.isEmpty()) {
      awaitAnyReader(); // e.g. a rate-limited reader waits for its next permit
    }
    return running;
  }

  void rounds(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      round();
    }
  }

  void runToEnd() throws Exception {
    while (round()) {}
  }

  Checkpoint checkpoint(long id) throws Exception {
    byte[] enumeratorState = coordinator.snapshotState(id).get(10, TimeUnit.SECONDS);
    deliver(); // assignments made before the coordinator's snapshot reach the readers first
    List<OperatorSnapshot> snapshots = new ArrayList<>();
    for (SourceOperator<T, SplitT> reader : readers) {
      snapshots.add(reader.snapshotState(id, 0));
    }
    return new Checkpoint(enumeratorState, snapshots);
  }

  private void deliver() throws Exception {
    Delivery delivery;
    while ((delivery = toReaders.poll()) != null) {
      readers.get(delivery.subtask()).handleOperatorEvent(delivery.event());
    }
  }

  private void awaitAnyReader() throws Exception {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      if (!finished.get(i)) {
        futures.add(readers.get(i).getAvailableFuture());
      }
    }
    CompletableFuture.anyOf(futures.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (SourceOperator<T, SplitT> reader : readers) {
      reader.close();
    }
    coordinator.close();
  }

  /** Adds to a reader's list and to the job's list. */
  /**
   * Sets {@code reader} up as subtask {@code index} of {@code parallelism}, without opening it;
   * records go to {@code records} as values.
   */
  private static <T> void setUp(
      SourceOperator<T, ?> reader,
      int index,
      int parallelism,
      List<Object> records,
      OperatorEventGateway operatorEvents) {
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job",
            "task",
            index,
            parallelism,
            128,
            0,
            SourceTestJob.class.getClassLoader(),
            new HashMap<>());
    reader.setup(
        new OperatorSetup<>(
            "op",
            new ListOutput<>(records),
            context.forOperator("op", null),
            null,
            null,
            new MailboxProcessingTimeService(new ManualClock(0), new TaskMailbox()),
            operatorEvents));
  }

  private record ListOutput<T>(List<Object> records) implements Output<T> {
    @Override
    public void collect(StreamRecord<T> record) {
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

  private static final class TeeList extends ArrayList<Object> {
    private final List<Object> own;
    private final List<Object> all;

    TeeList(List<Object> own, List<Object> all) {
      this.own = own;
      this.all = all;
    }

    @Override
    public boolean add(Object o) {
      own.add(o);
      return all.add(o);
    }
  }
}
