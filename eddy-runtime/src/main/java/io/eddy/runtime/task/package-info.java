/**
 * One subtask on a TaskManager: {@link Task} owns the thread and the execution state, {@link
 * StreamTask} runs the {@link OperatorChain} as a mailbox loop ({@link MailboxProcessor}, {@link
 * TaskMailbox}), built by {@link OperatorFactory} and {@link TwoInputOperatorFactory} from the
 * API's operator specs. Input arrives through {@code NetworkInput} and the {@link
 * StatusWatermarkValve}; barriers go to the barrier handlers, and the {@code
 * SubtaskCheckpointCoordinator} snapshots the chain and writes its state files through a {@code
 * storage.CheckpointStreamFactory}. {@link TaskServices} is what the TaskManager lends; {@link
 * TaskControlPorts} is the task's only way to the control plane ({@link CheckpointResponder},
 * {@link TaskStateListener}, the operator-event and collect-results ports), so nothing here names a
 * gateway. Below {@code compiler}: it may import {@code operators} and every layer under it.
 */
package io.eddy.runtime.task;
