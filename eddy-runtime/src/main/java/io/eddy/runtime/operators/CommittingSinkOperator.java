package io.eddy.runtime.operators;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.sink.Committer;
import io.eddy.api.connector.sink.CommittingSinkWriter;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.StatefulSinkWriter;
import io.eddy.api.connector.sink.SupportsCommitter;
import io.eddy.api.connector.sink.SupportsWriterState;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.RestoredState.SubtaskFile;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a two-phase committing sink ({@link SupportsCommitter}) exactly once:
 *
 * <ol>
 *   <li>at each checkpoint the writer prepares its committables, which are kept per checkpoint id
 *       and stored in the checkpoint together with the writer's state;
 *   <li>when a checkpoint completes, the committables of it and all earlier checkpoints are
 *       committed (a completion notice may be skipped, or a checkpoint aborted);
 *   <li>on restore the stored committables are committed first, as they belong to the completed
 *       checkpoint restored from (committers are idempotent), then the writer is restored.
 * </ol>
 *
 * <p>Restore after a rescale: the committables of all old subtasks are committed by subtask 0, and
 * the writer states of all old subtasks, in old-subtask order, are dealt round-robin (state k to
 * subtask k % parallelism). At the same parallelism each subtask takes its own old file. Every
 * subtask reads all old files, so the sink's clean-up sees everything any subtask still needs.
 *
 * <p>The operator keeps its state in its own small versioned file ({@link
 * CommittingSinkStateFormat}) and overrides {@code initializeState}/{@code snapshotState} fully:
 * its redistribution (committables to subtask 0, writer states round-robin) is not the list state's
 * plain round-robin. Moving it onto the operator state backend (a list state and a union state)
 * would remove the format; that is left for later.
 */
public final class CommittingSinkOperator<T, CommT, StateT> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  private final Sink<T> sink;
  private final SupportsCommitter<CommT> committing;
  private final SupportsWriterState<T, StateT> stateful; // null if the writer keeps no state
  private final SimpleVersionedSerializer<CommT> committableSerializer;
  private final SimpleVersionedSerializer<StateT> stateSerializer;
  private final TreeMap<Long, List<Request<CommT>>> pendingByCheckpoint = new TreeMap<>();
  private final SinkWriterContext context = new SinkWriterContext();
  private SinkWriterInitContext initContext;
  private CommittingSinkWriter<T, CommT> writer;
  private Committer<CommT> committer;

  @SuppressWarnings("unchecked")
  public CommittingSinkOperator(Sink<T> sink) {
    if (!(sink instanceof SupportsCommitter)) {
      throw new IllegalArgumentException(
          "Not a committing sink (no SupportsCommitter): " + sink.getClass().getName());
    }
    this.sink = sink;
    this.committing = (SupportsCommitter<CommT>) sink;
    this.stateful =
        sink instanceof SupportsWriterState ? (SupportsWriterState<T, StateT>) sink : null;
    this.committableSerializer = committing.getCommittableSerializer();
    this.stateSerializer = stateful == null ? null : stateful.getWriterStateSerializer();
  }

  /** Deliberately not calling super: see the class comment. */
  @Override
  public void initializeState(RestoredState restored) throws Exception {
    initContext = new SinkWriterInitContext(setup.runtimeContext(), setup.processingTimeService());
    committer = committing.createCommitter();
    if (restored.operatorStateFiles().isEmpty()) {
      writer = createWriter();
      return;
    }
    int subtask = initContext.getSubtaskId();
    int parallelism = initContext.getNumberOfParallelSubtasks();
    boolean rescaled = restored.previousParallelism() != parallelism;
    List<CommittingSinkStateFormat.Contents<CommT, StateT>> old = readAll(restored);

    List<Request<CommT>> toCommit = new ArrayList<>();
    List<Object> allCommittables = new ArrayList<>();
    List<StateT> allStates = new ArrayList<>();
    List<StateT> myStates = new ArrayList<>();
    for (var contents : old) {
      boolean mine = contents.subtaskIndex() == subtask;
      for (List<CommT> list : contents.committables().values()) {
        allCommittables.addAll(list);
        if (rescaled ? subtask == 0 : mine) {
          list.forEach(c -> toCommit.add(new Request<>(c)));
        }
      }
      for (StateT state : contents.writerStates()) {
        if (rescaled ? allStates.size() % parallelism == subtask : mine) {
          myStates.add(state);
        }
        allStates.add(state);
      }
    }
    // the restored checkpoint completed, so everything in it is committed now; a committable the
    // committer wants retried waits for the next completed checkpoint (checkpoint id 0: the first)
    List<Request<CommT>> retry = commit(toCommit);
    if (!retry.isEmpty()) {
      pendingByCheckpoint.put(0L, retry);
    }
    if (stateful == null) {
      writer = createWriter();
    } else {
      stateful.cleanUpAfterRestore(initContext, allStates, allCommittables);
      writer = (CommittingSinkWriter<T, CommT>) stateful.restoreWriter(initContext, myStates);
    }
  }

  private List<CommittingSinkStateFormat.Contents<CommT, StateT>> readAll(RestoredState restored)
      throws IOException {
    List<CommittingSinkStateFormat.Contents<CommT, StateT>> all = new ArrayList<>();
    List<SubtaskFile> files = new ArrayList<>(restored.operatorStateFiles());
    files.sort(Comparator.comparingInt(SubtaskFile::subtaskIndex)); // deterministic dealing
    for (SubtaskFile file : files) {
      try (InputStream in = CheckpointStorages.openStream(file.file())) {
        all.add(
            CommittingSinkStateFormat.read(
                file.subtaskIndex(), in, committableSerializer, stateSerializer));
      } catch (IOException e) {
        throw new IOException("Cannot read sink state file " + file.file() + ": " + e, e);
      }
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private CommittingSinkWriter<T, CommT> createWriter() throws IOException {
    SinkWriter<T> w = sink.createWriter(initContext);
    if (!(w instanceof CommittingSinkWriter)) {
      throw new IllegalStateException(
          "The writer of committing sink "
              + sink.getClass().getName()
              + " is not a CommittingSinkWriter.");
    }
    return (CommittingSinkWriter<T, CommT>) w;
  }

  @Override
  public void open() throws Exception {
    if (writer == null) {
      initializeState(RestoredState.NONE); // a task that does not restore state yet
    }
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    context.record = record;
    try {
      writer.write(record.getValue(), context);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void processWatermark(WatermarkElement watermark) {
    context.watermark = watermark.getTimestamp();
  }

  /** The synchronous part: the committables and writer state are serialized here, frozen. */
  @Override
  @SuppressWarnings("unchecked")
  public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
    Collection<CommT> prepared = writer.prepareCommit();
    if (!prepared.isEmpty()) {
      List<Request<CommT>> list =
          pendingByCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>());
      prepared.forEach(c -> list.add(new Request<>(c)));
    }
    List<StateT> states =
        stateful == null
            ? List.of()
            : ((StatefulSinkWriter<T, StateT>) writer).snapshotState(checkpointId);
    Map<Long, List<CommT>> committables = new TreeMap<>();
    pendingByCheckpoint.forEach(
        (id, requests) -> committables.put(id, requests.stream().map(r -> r.committable).toList()));
    byte[] bytes =
        CommittingSinkStateFormat.write(
            committables, committableSerializer, states, stateSerializer);
    return new OperatorSnapshot(null, null, out -> out.write(bytes));
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    Map<Long, List<Request<CommT>>> done = pendingByCheckpoint.headMap(checkpointId, true);
    List<Request<CommT>> requests = new ArrayList<>();
    done.values().forEach(requests::addAll);
    done.clear();
    List<Request<CommT>> retry = commit(requests);
    if (!retry.isEmpty()) {
      pendingByCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(retry);
    }
  }

  /** Commits; returns the requests the committer asked to retry later. */
  private List<Request<CommT>> commit(List<Request<CommT>> requests) throws Exception {
    if (requests.isEmpty()) {
      return List.of();
    }
    requests.forEach(Request::reset);
    committer.commit(List.copyOf(requests));
    List<Request<CommT>> retry = new ArrayList<>();
    for (Request<CommT> r : requests) {
      if (r.failure != null) {
        throw new IOException(
            setup.description() + " failed to commit " + r.committable + ": " + r.failure,
            r.failure);
      }
      if (r.retryLater) {
        r.retries++;
        retry.add(r);
      }
    }
    return retry;
  }

  /**
   * Rolls everything to committables, which the final checkpoint then stores and commits. TODO:
   * without checkpointing nothing ever commits them; commit here once the task tells whether
   * checkpointing is enabled.
   */
  @Override
  public void finish() throws Exception {
    writer.flush(true);
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      if (committer != null) {
        committer.close();
      }
    }
  }

  /** A committable and what the committer said about it. */
  private static final class Request<CommT> implements Committer.CommitRequest<CommT> {
    final CommT committable;
    int retries;
    boolean retryLater;
    Throwable failure;

    Request(CommT committable) {
      this.committable = committable;
    }

    void reset() {
      retryLater = false;
      failure = null;
    }

    @Override
    public CommT getCommittable() {
      return committable;
    }

    @Override
    public int getNumberOfRetries() {
      return retries;
    }

    @Override
    public void signalFailed(Throwable cause) {
      failure = cause;
    }

    @Override
    public void retryLater() {
      retryLater = true;
    }
  }
}
