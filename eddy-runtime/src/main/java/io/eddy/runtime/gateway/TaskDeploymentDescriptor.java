package io.eddy.runtime.gateway;

import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.snapshot.RestoredState;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a TaskManager needs to run one subtask attempt.
 *
 * @param jobId job
 * @param jobName job name
 * @param vertexIndex job vertex
 * @param taskName chain name
 * @param subtaskIndex 0-based subtask
 * @param parallelism subtasks of the vertex
 * @param maxParallelism key groups
 * @param attemptNumber 0 on the first run
 * @param attemptId unique id of this attempt
 * @param serializedConfig the vertex's serialized VertexConfig
 * @param outputs one entry per network output: partition id and number of subpartitions
 * @param inputs one entry per input edge: the channels to read
 * @param bufferTimeoutMillis output flush interval, 0 = after every record
 * @param autoWatermarkIntervalMillis periodic watermark interval, 0 = no periodic watermarks
 * @param checkpointing the job's checkpoint settings
 * @param checkpointStorageRoot directory under which the job's checkpoints are written, or null if
 *     checkpointing is off
 * @param restoredStates per operator of the chain, the state it restores (empty list: none)
 * @param channelStateFile the in-flight data of an unaligned checkpoint to restore, or null
 */
public record TaskDeploymentDescriptor(
    String jobId,
    String jobName,
    int vertexIndex,
    String taskName,
    int subtaskIndex,
    int parallelism,
    int maxParallelism,
    int attemptNumber,
    String attemptId,
    byte[] serializedConfig,
    List<OutputDescriptor> outputs,
    List<InputDescriptor> inputs,
    long bufferTimeoutMillis,
    long autoWatermarkIntervalMillis,
    CheckpointingOptions checkpointing,
    String checkpointStorageRoot,
    List<RestoredState> restoredStates,
    String channelStateFile)
    implements Serializable {

  /** The state operator {@code chainIndex} restores. */
  public RestoredState restoredState(int chainIndex) {
    return restoredStates.isEmpty() ? RestoredState.NONE : restoredStates.get(chainIndex);
  }

  /** A network output of the task. */
  public record OutputDescriptor(ResultPartitionId partitionId, int numSubpartitions)
      implements Serializable {}

  /** One input edge: the subpartitions it reads, from which TaskManagers. */
  public record InputDescriptor(List<ChannelDescriptor> channels) implements Serializable {}

  /** One channel: a producer's partition, the subpartition to read, the producer's location. */
  public record ChannelDescriptor(
      ResultPartitionId partitionId, int subpartition, String producerLocation)
      implements Serializable {}

  /** "Name (2/4)". */
  public String description() {
    return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
  }
}
