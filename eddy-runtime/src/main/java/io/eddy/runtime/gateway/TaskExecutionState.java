package io.eddy.runtime.gateway;

import io.eddy.api.common.accumulators.Accumulator;
import java.io.Serializable;
import java.util.Map;

/**
 * A subtask attempt changed state.
 *
 * @param jobId job
 * @param attemptId attempt
 * @param state new state
 * @param failure the error, when FAILED (message and stack trace as text: travels between JVMs)
 * @param accumulators the task's accumulators, when FINISHED, by name
 */
public record TaskExecutionState(
    String jobId,
    String attemptId,
    ExecutionState state,
    Throwable failure,
    Map<String, Accumulator<?, ?>> accumulators)
    implements Serializable {}
