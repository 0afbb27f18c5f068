package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
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
 */
public record OperatorSetup<OUT>(
    String name,
    Output<OUT> output,
    StreamingRuntimeContext runtimeContext,
    KeySelector<?, ?> keySelector,
    HeapKeyedStateBackend<?> keyedStateBackend,
    ProcessingTimeService processingTimeService,
    OperatorEventGateway operatorEvents,
    KeySelector<?, ?> keySelector2) {

  /** The setup of a one-input operator. */
  public OperatorSetup(
      String name,
      Output<OUT> output,
      StreamingRuntimeContext runtimeContext,
      KeySelector<?, ?> keySelector,
      HeapKeyedStateBackend<?> keyedStateBackend,
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
