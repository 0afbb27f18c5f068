package io.eddy.runtime.task;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.graph.OperatorConfig;
import io.eddy.runtime.graph.VertexConfig;
import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.operators.BroadcastingOutput;
import io.eddy.runtime.operators.ChainingOutput;
import io.eddy.runtime.operators.CollectResultsPort;
import io.eddy.runtime.operators.DiscardingOutput;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.operators.OperatorEventGateway;
import io.eddy.runtime.operators.OperatorSetup;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.PausingOperator;
import io.eddy.runtime.operators.RecordWriterOutput;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * The operators of one task, wired together: chained edges become direct calls, the others network
 * writers. Built tail-first so each operator's outputs exist before it does.
 */
public final class OperatorChain {
  private final StreamOperator<?>[] operators;
  private final String[] operatorIds;

  /** The keyed state backends of the chain's keyed operators, disposed when it closes. */
  private final List<KeyedStateBackend<?>> keyedBackends = new ArrayList<>();

  /** The operators that may pause the input (usually none; checked before every input step). */
  private final PausingOperator[] pausing;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public OperatorChain(
      VertexConfig config,
      List<RecordWriter<?>> writers,
      StreamingRuntimeContext baseContext,
      KeyGroupRange keyGroupRange,
      ProcessingTimeService timeService,
      long autoWatermarkIntervalMillis,
      OperatorEventGateway operatorEvents,
      CollectResultsPort collectResults,
      StateBackend stateBackend) {
    List<OperatorConfig> configs = config.operators();
    operators = new StreamOperator[configs.size()];
    operatorIds = configs.stream().map(OperatorConfig::operatorId).toArray(String[]::new);
    try {
      build(
          configs,
          writers,
          baseContext,
          keyGroupRange,
          timeService,
          autoWatermarkIntervalMillis,
          operatorEvents,
          collectResults,
          stateBackend);
    } catch (RuntimeException | Error e) {
      keyedBackends.forEach(KeyedStateBackend::dispose); // those made so far hold native memory
      throw e;
    }
    pausing =
        Arrays.stream(operators)
            .filter(PausingOperator.class::isInstance)
            .toArray(PausingOperator[]::new);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void build(
      List<OperatorConfig> configs,
      List<RecordWriter<?>> writers,
      StreamingRuntimeContext baseContext,
      KeyGroupRange keyGroupRange,
      ProcessingTimeService timeService,
      long autoWatermarkIntervalMillis,
      OperatorEventGateway operatorEvents,
      CollectResultsPort collectResults,
      StateBackend stateBackend) {
    for (int i = configs.size() - 1; i >= 0; i--) {
      OperatorConfig oc = configs.get(i);
      List<Output<?>> outputs = new ArrayList<>();
      for (OperatorConfig.ChainedOutput co : oc.chainedOutputs()) {
        outputs.add(
            new ChainingOutput<>((OneInputStreamOperator) operators[co.operatorIndex()], co.tag()));
      }
      for (OperatorConfig.NetworkOutputRef no : oc.networkOutputs()) {
        outputs.add(new RecordWriterOutput<>(writers.get(no.outputIndex()), no.tag()));
      }
      Output<?> output =
          switch (outputs.size()) {
            case 0 -> new DiscardingOutput<>();
            case 1 -> outputs.get(0);
            default -> new BroadcastingOutput<>(outputs.toArray(new Output[0]));
          };
      StreamOperator<?> operator =
          OperatorFactory.create(oc.spec(), collectResults, autoWatermarkIntervalMillis);
      KeyedStateBackend<?> keyed =
          oc.stateKeySelector() == null
              ? null
              : stateBackend.createKeyedStateBackend(
                  keyGroupRange,
                  baseContext.getMaxNumberOfParallelSubtasks(),
                  (TypeSerializer) oc.stateKeySerializer());
      if (keyed != null) {
        keyedBackends.add(keyed);
      }
      ((StreamOperator) operator)
          .setup(
              new OperatorSetup(
                  oc.name(),
                  output,
                  baseContext.forOperator(oc.name(), keyed),
                  oc.stateKeySelector(),
                  keyed,
                  timeService,
                  operatorEvents,
                  oc.stateKeySelector2(),
                  stateBackend));
      operators[i] = operator;
    }
  }

  /**
   * Lets the operators that wait without blocking make progress (task thread).
   *
   * @return null if all of them can take input (after {@link #finish()}: delivered all they
   *     produced), else a future to wait for before asking again
   */
  public CompletableFuture<?> pauseFuture() throws Exception {
    for (PausingOperator operator : pausing) {
      if (!operator.tryProgress()) {
        return operator.getAvailableFuture();
      }
    }
    return null;
  }

  public StreamOperator<?> getHead() {
    return operators[0];
  }

  /** The id of operator {@code index}'s state in checkpoints. */
  public String operatorId(int index) {
    return operatorIds[index];
  }

  public int size() {
    return operators.length;
  }

  /** Restores each operator's state (before open); {@code restored} gives operator i's. */
  public void initializeState(IntFunction<RestoredState> restored) throws Exception {
    for (int i = operators.length - 1; i >= 0; i--) {
      operators[i].initializeState(restored.apply(i));
    }
  }

  /** Lets each operator, head first, emit its buffered output ahead of a checkpoint's barrier. */
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.prepareSnapshotPreBarrier(checkpointId);
    }
  }

  /** The synchronous part of a checkpoint: one snapshot per operator, head first. */
  public OperatorSnapshot[] snapshotState(long checkpointId, long timestamp) throws Exception {
    OperatorSnapshot[] snapshots = new OperatorSnapshot[operators.length];
    try {
      for (int i = 0; i < operators.length; i++) {
        snapshots[i] = operators[i].snapshotState(checkpointId, timestamp);
      }
    } catch (Exception | Error e) {
      OperatorSnapshot.releaseAll(snapshots); // those taken so far will never be written
      throw e;
    }
    return snapshots;
  }

  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointComplete(checkpointId);
    }
  }

  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.notifyCheckpointAborted(checkpointId);
    }
  }

  /** Opens tail-first, so downstream operators are ready when upstream ones emit in open(). */
  public void open() throws Exception {
    for (int i = operators.length - 1; i >= 0; i--) {
      operators[i].open();
    }
  }

  /** Finishes head-first: an operator's final output reaches operators still running. */
  public void finish() throws Exception {
    for (StreamOperator<?> operator : operators) {
      operator.finish();
    }
  }

  /**
   * Closes every operator, even if one throws, then disposes their keyed state backends; rethrows
   * the first error.
   */
  public void close() throws Exception {
    Exception first = null;
    for (StreamOperator<?> operator : operators) {
      try {
        operator.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        }
      }
    }
    for (KeyedStateBackend<?> backend : keyedBackends) {
      try {
        backend.dispose();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
