package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.time.ProcessingTimeService;

/**
 * What an operator gets from its task at setup.
 *
 * @param name the operator's name
 * @param output where it emits
 * @param runtimeContext handed to rich functions
 * @param keySelector the state key of a keyed operator, or null
 * @param keyedStateBackend keyed state of a keyed operator, or null
 * @param processingTimeService timers that run as mails on the task thread
 * @param operatorEvents the channel to this operator's coordinator on the JobManager
 * @param keySelector2 the state key of a keyed two-input operator's second input, or null
 * @param stateBackend makes the operator's operator state backend (the keyed one comes made)
 */
public record OperatorSetup<OUT>(
    String name,
    Output<OUT> output,
    StreamingRuntimeContext runtimeContext,
    KeySelector<?, ?> keySelector,
    KeyedStateBackend<?> keyedStateBackend,
    ProcessingTimeService processingTimeService,
    OperatorEventGateway operatorEvents,
    KeySelector<?, ?> keySelector2,
    StateBackend stateBackend) {

  /** The setup of a two-input operator whose state is on the heap. */
  public OperatorSetup(
      String name,
      Output<OUT> output,
      StreamingRuntimeContext runtimeContext,
      KeySelector<?, ?> keySelector,
      KeyedStateBackend<?> keyedStateBackend,
      ProcessingTimeService processingTimeService,
      OperatorEventGateway operatorEvents,
      KeySelector<?, ?> keySelector2) {
    this(
        name,
        output,
        runtimeContext,
        keySelector,
        keyedStateBackend,
        processingTimeService,
        operatorEvents,
        keySelector2,
        StateBackends.named(StateBackends.DEFAULT));
  }

  /** The setup of a one-input operator whose state is on the heap. */
  public OperatorSetup(
      String name,
      Output<OUT> output,
      StreamingRuntimeContext runtimeContext,
      KeySelector<?, ?> keySelector,
      KeyedStateBackend<?> keyedStateBackend,
      ProcessingTimeService processingTimeService,
      OperatorEventGateway operatorEvents) {
    this(
        name,
        output,
        runtimeContext,
        keySelector,
        keyedStateBackend,
        processingTimeService,
        operatorEvents,
        null);
  }

  /** "Name (subtask/parallelism)", 1-based, as in error messages and logs. */
  public String description() {
    return name
        + " ("
        + (runtimeContext.getIndexOfThisSubtask() + 1)
        + "/"
        + runtimeContext.getNumberOfParallelSubtasks()
        + ")";
  }
}
