package io.eddy.runtime.task;

import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.graph.UserCodeSerialization;
import io.eddy.runtime.graph.VertexConfig;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.api.NetworkEvent;
import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.network.input.InputChannel;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.input.LocalInputChannel;
import io.eddy.runtime.network.partition.ResultPartition;
import io.eddy.runtime.network.partitioner.Partitioners;
import io.eddy.runtime.network.partitioner.StreamPartitioner;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.WatermarkElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one subtask's operator chain on the task thread as a mailbox loop (DESIGN.md §2). The
 * default action takes input (from the source reader or the input gate) only while the outputs have
 * buffers to write to; otherwise it waits for them, which is how backpressure travels upstream.
 * Timers, flushes and coordinator events arrive as mails.
 */
public final class StreamTask {
  private final TaskDeploymentDescriptor tdd;
  private final TaskServices services;
  private final TaskControlPorts ports;
  private final TaskMailbox mailbox = new TaskMailbox();
  private final MailboxProcessor mailboxProcessor;
  private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
  private final List<ResultPartition> partitions = new ArrayList<>();
  private final List<RecordWriter<?>> writers = new ArrayList<>();
  private MailboxProcessingTimeService timeService;
  private OperatorChain chain;
  private SourceOperator<?, ?> source;
  private NetworkInput networkInput;
  private SubtaskCheckpointCoordinator checkpoints;
  private volatile boolean canceled;
  private boolean finished;

  /** The input ended and the task waits for the job's final checkpoint (checkpointed jobs). */
  private boolean awaitingFinalCheckpoint;

  /**
   * The input ended and the chain finished; its outputs end once its pausing operators are done.
   */
  private boolean chainFinished;

  /** A stop-with-savepoint barrier passed this source: it emits nothing more. */
  private boolean sourceStopped;

  public StreamTask(TaskDeploymentDescriptor tdd, TaskServices services, TaskControlPorts ports) {
    this.tdd = tdd;
    this.services = services;
    this.ports = ports;
    this.mailboxProcessor = new MailboxProcessor(mailbox, this::processInput);
  }

  /** Builds, runs and finishes the chain; returns normally only if the input ended. */
  public void invoke(Runnable onRunning) throws Exception {
    VertexConfig config = readConfig();
    timeService = new MailboxProcessingTimeService(services.clock(), mailbox);
    try {
      createWriters(config);
      StreamingRuntimeContext context =
          new StreamingRuntimeContext(
              tdd.jobName(),
              tdd.taskName(),
              tdd.subtaskIndex(),
              tdd.parallelism(),
              tdd.maxParallelism(),
              tdd.attemptNumber(),
              services.userCodeClassLoader(),
              accumulators);
      chain =
          new OperatorChain(
              config,
              writers,
              context,
              KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                  tdd.maxParallelism(), tdd.parallelism(), tdd.subtaskIndex()),
              timeService,
              tdd.autoWatermarkIntervalMillis(),
              ports.operatorEvents(),
              ports.collectResults(),
              StateBackends.forJob(services.stateBackend(), config.stateBackend()));
      if (tdd.checkpointing().enabled()) {
        checkpoints =
            new SubtaskCheckpointCoordinator(tdd, services.checkpointIo(), ports.checkpoints());
      }
      if (chain.getHead() instanceof SourceOperator<?, ?> s) {
        source = s;
      } else {
        networkInput = createNetworkInput(config, chain.getHead());
        networkInput.setBarrierHandler(createBarrierHandler(networkInput));
      }
      if (tdd.channelStateFile() != null) {
        InFlightDataRestore.restore(tdd.channelStateFile(), writers, networkInput);
      }
      chain.initializeState(tdd::restoredState);
      chain.open();
      onRunning.run();
      if (tdd.bufferTimeoutMillis() > 0 && !writers.isEmpty()) {
        timeService.scheduleAtFixedRate(
            t -> flushOutputs(), tdd.bufferTimeoutMillis(), tdd.bufferTimeoutMillis());
      }
      mailboxProcessor.runMailboxLoop();
      if (canceled) {
        throw new TaskCanceledException();
      }
      finished = true;
    } finally {
      timeService.shutdown();
      mailbox.close();
      try {
        if (chain != null) {
          chain.close();
        }
      } finally {
        for (RecordWriter<?> w : writers) {
          w.close();
        }
        releasePartitions();
        if (networkInput != null) {
          networkInput.release();
        }
      }
    }
  }

  /**
   * Gives the network memory of this task's outputs back. After a normal end the consumers may
   * still be reading: queued buffers return to the TaskManager's pool as they are recycled. After a
   * failure or cancellation queued data is dropped.
   */
  private void releasePartitions() {
    for (ResultPartition partition : partitions) {
      if (finished) {
        partition.getBufferPool().destroy();
      } else {
        partition.release();
      }
    }
  }

  /** Stops the task from another thread. */
  public void cancel() {
    canceled = true;
    mailbox.put(mailboxProcessor::stop, "cancel");
  }

  /** Delivers a coordinator event to the source, on the task thread. */
  public void deliverOperatorEvent(OperatorEvent event) {
    mailbox.put(
        () -> {
          if (source == null) {
            throw new IllegalStateException("Operator event for a task without a source: " + event);
          }
          source.handleOperatorEvent(event);
        },
        "operator event");
  }

  /**
   * Starts a checkpoint at this task (a source, or a task whose input ended). Any thread; runs as a
   * mail.
   */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    mailbox.put(() -> performCheckpoint(barrier), "trigger checkpoint " + barrier.checkpointId());
  }

  private CheckpointBarrierHandler createBarrierHandler(NetworkInput input) {
    var options = tdd.checkpointing();
    if (options.mode() == CheckpointingMode.AT_LEAST_ONCE) {
      return new AtLeastOnceBarrierHandler(
          input.getGate().getNumberOfChannels(), this::performCheckpoint);
    }
    if (!options.unaligned()) {
      return ExactlyOnceBarrierHandler.aligned(input.getGate(), this::performCheckpoint);
    }
    // Unaligned barriers overtake the data: take them even while waiting for output buffers.
    input
        .getGate()
        .setPriorityListener(
            () -> mailbox.put(input::processPriorityEvents, "unaligned checkpoint barrier"));
    return new ExactlyOnceBarrierHandler(
        input.getGate(),
        this::performCheckpoint,
        this::performUnalignedCheckpoint,
        input::pendingBytes,
        options.alignedTimeoutMillis() > 0);
  }

  /** The JobManager found the checkpoint still aligning after the alignment timeout. */
  public void alignmentTimedOut(long checkpointId, long timestamp) {
    mailbox.put(
        () -> {
          if (networkInput != null
              && networkInput.barrierHandler() instanceof ExactlyOnceBarrierHandler u) {
            u.alignmentTimedOut(checkpointId, timestamp); // the input side: stop waiting
          }
          if (checkpoints != null) {
            checkpoints.overtakeQueuedBarriers(checkpointId); // the output side
          }
        },
        "alignment timeout of checkpoint " + checkpointId);
  }

  private void performUnalignedCheckpoint(
      CheckpointBarrier barrier, CompletableFuture<List<ChannelState.InputChannelData>> inputData)
      throws Exception {
    checkpoints.checkpointUnaligned(barrier, chain, writers, awaitingFinalCheckpoint, inputData);
  }

  public void notifyCheckpointComplete(long checkpointId, boolean finalCheckpoint) {
    mailbox.put(
        () -> {
          chain.notifyCheckpointComplete(checkpointId);
          if (finalCheckpoint && awaitingFinalCheckpoint) {
            mailboxProcessor.stop(); // everything this task did is now covered: finish
          }
        },
        "checkpoint " + checkpointId + " complete");
  }

  public void notifyCheckpointAborted(long checkpointId) {
    mailbox.put(
        () -> chain.notifyCheckpointAborted(checkpointId),
        "checkpoint " + checkpointId + " aborted");
  }

  private void performCheckpoint(CheckpointBarrier barrier) throws Exception {
    if (checkpoints == null) {
      throw new IllegalStateException("Checkpoint barrier in a job without checkpointing");
    }
    boolean stopSource = source != null && barrier.type().stopsSources() && !sourceStopped;
    if (stopSource && barrier.type() == SnapshotType.SAVEPOINT_DRAIN) {
      source.processWatermark(
          WatermarkElement.MAX); // drain: every event-time timer and window fires
    }
    var options = tdd.checkpointing();
    if (source != null
        && options.unaligned()
        && options.alignedTimeoutMillis() == 0
        && !barrier.type().isSavepoint()
        && !awaitingFinalCheckpoint) {
      // the source's barriers overtake its queued output, which becomes in-flight data
      checkpoints.checkpointUnaligned(
          barrier, chain, writers, false, CompletableFuture.completedFuture(List.of()));
    } else {
      checkpoints.checkpoint(barrier, chain, writers, awaitingFinalCheckpoint);
    }
    if (stopSource) {
      sourceStopped = true; // the job ends once the savepoint completes
      timeService.shutdown(); // nor watermarks nor timers may emit after the barrier
    }
  }

  public Map<String, Accumulator<?, ?>> getAccumulators() {
    return accumulators;
  }

  private void processInput(MailboxProcessor.Controller controller) throws Exception {
    if (chainFinished) {
      endOfInput(controller); // a pausing operator was still delivering: ask again
      return;
    }
    for (RecordWriter<?> writer : writers) {
      if (!writer.isAvailable()) {
        controller.suspendUntil(writer.getAvailableFuture());
        return;
      }
    }
    CompletableFuture<?> paused = chain.pauseFuture();
    if (paused != null) {
      controller.suspendUntil(paused); // e.g. a collect sink whose client is slow
      return;
    }
    if (sourceStopped) {
      controller.suspendUntil(new CompletableFuture<>());
      return;
    }
    if (source != null) {
      InputStatus status = source.emitNext();
      if (status == InputStatus.NOTHING_AVAILABLE) {
        controller.suspendUntil(source.getAvailableFuture());
      } else if (status == InputStatus.END_OF_INPUT) {
        source.processWatermark(
            WatermarkElement.MAX); // a bounded input ends event time: all timers fire
        endOfInput(controller);
      }
    } else {
      NetworkInput.Status status = networkInput.processNext();
      if (status == NetworkInput.Status.NOTHING_AVAILABLE) {
        controller.suspendUntil(networkInput.getAvailableFuture());
      } else if (status == NetworkInput.Status.END_OF_INPUT) {
        endOfInput(controller);
      }
    }
  }

  /**
   * Finishes the chain, waits (as a suspended default action, taking mails) until its pausing
   * operators delivered what they hold, then ends the outputs.
   */
  private void endOfInput(MailboxProcessor.Controller controller) throws Exception {
    if (!chainFinished) {
      chain.finish();
      chainFinished = true;
    }
    CompletableFuture<?> paused = chain.pauseFuture();
    if (paused != null) {
      controller.suspendUntil(paused);
      return;
    }
    for (RecordWriter<?> writer : writers) {
      writer.broadcastEvent(NetworkEvent.END_OF_PARTITION);
    }
    if (checkpoints == null) {
      controller.allActionsCompleted();
      return;
    }
    // A checkpointed job's task stays until a checkpoint covers its final state (sinks commit
    // on it); meanwhile it only takes mails: triggers and notifications.
    awaitingFinalCheckpoint = true;
    timeService.shutdown(); // finished operators fire no more timers
    controller.suspendUntil(new CompletableFuture<>());
    ports.checkpoints().reportEndOfInput();
  }

  private void flushOutputs() {
    for (RecordWriter<?> writer : writers) {
      writer.flushAll();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void createWriters(VertexConfig config) {
    for (int i = 0; i < tdd.outputs().size(); i++) {
      TaskDeploymentDescriptor.OutputDescriptor od = tdd.outputs().get(i);
      VertexConfig.OutputConfig oc = config.outputs().get(i);
      int n = od.numSubpartitions();
      ResultPartition partition =
          new ResultPartition(
              od.partitionId(),
              n,
              services.networkBufferPool().createLocalPool(n * services.buffersPerChannel() + 1));
      services.partitionRegistry().register(partition);
      partitions.add(partition);
      StreamPartitioner partitioner =
          Partitioners.create(oc.partitioning(), oc.consumerMaxParallelism()).copy();
      writers.add(
          new RecordWriter<>(
              partition,
              partitioner,
              new StreamElementSerializer<>((TypeSerializer) oc.serializer()),
              tdd.bufferTimeoutMillis() == 0));
    }
  }

  /**
   * One gate over the channels of all input edges; each channel is read with its edge's serializer
   * and feeds the head's input its edge is tagged with (input 1 or 2 of a two-input head).
   */
  private NetworkInput createNetworkInput(VertexConfig config, StreamOperator<?> head) {
    List<InputChannel> channels = new ArrayList<>();
    List<TypeSerializer<?>> serializers = new ArrayList<>();
    List<Integer> logicalInputs = new ArrayList<>();
    for (int i = 0; i < tdd.inputs().size(); i++) {
      int typeNumber = config.inputTypeNumbers().get(i);
      for (TaskDeploymentDescriptor.ChannelDescriptor cd : tdd.inputs().get(i).channels()) {
        channels.add(
            services.isLocal(cd.producerLocation())
                ? new LocalInputChannel(
                    services.partitionRegistry(), cd.partitionId(), cd.subpartition())
                : services
                    .dataPlane()
                    .createRemoteChannel(
                        cd.producerLocation(),
                        cd.partitionId(),
                        cd.subpartition(),
                        services.networkBufferPool()));
        serializers.add(config.inputs().get(i));
        logicalInputs.add(typeNumber == 0 ? 0 : typeNumber - 1);
      }
    }
    InputGate gate = new InputGate(channels);
    gate.start();
    return new NetworkInput(
        gate,
        serializers,
        logicalInputs.stream().mapToInt(Integer::intValue).toArray(),
        InputTarget.of(head));
  }

  private VertexConfig readConfig() throws IOException, ClassNotFoundException {
    return UserCodeSerialization.deserialize(
        tdd.serializedConfig(), services.userCodeClassLoader());
  }

  /** The task ended because it was cancelled. */
  public static final class TaskCanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCanceledException() {
      super("Task was cancelled");
    }
  }
}
