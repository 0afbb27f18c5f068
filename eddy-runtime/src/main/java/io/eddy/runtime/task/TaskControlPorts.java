package io.eddy.runtime.task;

import io.eddy.runtime.operators.CollectResultsPort;
import io.eddy.runtime.operators.OperatorEventGateway;

/**
 * Everything a subtask attempt may say to the control plane, each as its own small port, bound by
 * the TaskManager to the attempt and to its job's JobMaster. The task passes each part only to the
 * component that needs it; nothing below the TaskManager sees the gateways.
 *
 * @param states the attempt's state changes
 * @param checkpoints answers to checkpoints
 * @param operatorEvents events from the attempt's source operator to its coordinator
 * @param collectResults batches of the attempt's collect sinks, for the client
 */
public record TaskControlPorts(
    TaskStateListener states,
    CheckpointResponder checkpoints,
    OperatorEventGateway operatorEvents,
    CollectResultsPort collectResults) {}
