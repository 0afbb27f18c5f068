package io.eddy.runtime.rpc.grpc;

import com.google.protobuf.ByteString;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.ChannelDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.InputDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.OutputDescriptor;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.rpc.proto.TaskDeployment;
import io.eddy.runtime.snapshot.RestoredState;

/**
 * {@link TaskDeploymentDescriptor} ↔ {@link TaskDeployment}. The serialized config stays opaque
 * bytes here: the TaskManager deserializes it later, as part of the job artifact.
 */
public final class DeploymentCodec {
  private DeploymentCodec() {}

  public static TaskDeployment toProto(TaskDeploymentDescriptor d) {
    TaskDeployment.Builder b =
        TaskDeployment.newBuilder()
            .setJobId(d.jobId())
            .setJobName(d.jobName())
            .setVertexIndex(d.vertexIndex())
            .setTaskName(d.taskName())
            .setSubtaskIndex(d.subtaskIndex())
            .setParallelism(d.parallelism())
            .setMaxParallelism(d.maxParallelism())
            .setAttemptNumber(d.attemptNumber())
            .setAttemptId(d.attemptId())
            .setSerializedConfig(ByteString.copyFrom(d.serializedConfig()))
            .setBufferTimeoutMillis(d.bufferTimeoutMillis())
            .setAutoWatermarkIntervalMillis(d.autoWatermarkIntervalMillis())
            .setCheckpointing(toProto(d.checkpointing()));
    d.outputs().forEach(o -> b.addOutputs(toProto(o)));
    d.inputs().forEach(i -> b.addInputs(toProto(i)));
    d.restoredStates().forEach(r -> b.addRestoredStates(toProto(r)));
    if (d.checkpointStorageRoot() != null) {
      b.setCheckpointStorageRoot(d.checkpointStorageRoot());
    }
    if (d.channelStateFile() != null) {
      b.setChannelStateFile(d.channelStateFile());
    }
    return b.build();
  }

  public static TaskDeploymentDescriptor fromProto(TaskDeployment p) {
    return new TaskDeploymentDescriptor(
        p.getJobId(),
        p.getJobName(),
        p.getVertexIndex(),
        p.getTaskName(),
        p.getSubtaskIndex(),
        p.getParallelism(),
        p.getMaxParallelism(),
        p.getAttemptNumber(),
        p.getAttemptId(),
        p.getSerializedConfig().toByteArray(),
        p.getOutputsList().stream().map(DeploymentCodec::fromProto).toList(),
        p.getInputsList().stream().map(DeploymentCodec::fromProto).toList(),
        p.getBufferTimeoutMillis(),
        p.getAutoWatermarkIntervalMillis(),
        fromProto(p.getCheckpointing()),
        p.hasCheckpointStorageRoot() ? p.getCheckpointStorageRoot() : null,
        p.getRestoredStatesList().stream().map(DeploymentCodec::fromProto).toList(),
        p.hasChannelStateFile() ? p.getChannelStateFile() : null);
  }

  static io.eddy.runtime.rpc.proto.CheckpointingOptions toProto(CheckpointingOptions o) {
    var b =
        io.eddy.runtime.rpc.proto.CheckpointingOptions.newBuilder()
            .setIntervalMillis(o.intervalMillis())
            .setMode(
                o.mode() == CheckpointingMode.AT_LEAST_ONCE
                    ? io.eddy.runtime.rpc.proto.CheckpointingMode.AT_LEAST_ONCE
                    : io.eddy.runtime.rpc.proto.CheckpointingMode.EXACTLY_ONCE)
            .setTimeoutMillis(o.timeoutMillis())
            .setMinPauseMillis(o.minPauseMillis())
            .setMaxConcurrent(o.maxConcurrent())
            .setTolerableFailures(o.tolerableFailures())
            .setUnaligned(o.unaligned())
            .setAlignedTimeoutMillis(o.alignedTimeoutMillis())
            .setRetainOnCancel(o.retainOnCancel())
            .setRetainedCheckpoints(o.retainedCheckpoints());
    if (o.storageDirectory() != null) {
      b.setStorageDirectory(o.storageDirectory());
    }
    return b.build();
  }

  static CheckpointingOptions fromProto(io.eddy.runtime.rpc.proto.CheckpointingOptions p) {
    CheckpointingMode mode =
        switch (p.getMode()) {
          case EXACTLY_ONCE -> CheckpointingMode.EXACTLY_ONCE;
          case AT_LEAST_ONCE -> CheckpointingMode.AT_LEAST_ONCE;
          default ->
              throw new IllegalArgumentException("Unknown checkpointing mode " + p.getMode());
        };
    return new CheckpointingOptions(
        p.getIntervalMillis(),
        mode,
        p.getTimeoutMillis(),
        p.getMinPauseMillis(),
        p.getMaxConcurrent(),
        p.getTolerableFailures(),
        p.getUnaligned(),
        p.getAlignedTimeoutMillis(),
        p.hasStorageDirectory() ? p.getStorageDirectory() : null,
        p.getRetainOnCancel(),
        p.getRetainedCheckpoints());
  }

  static io.eddy.runtime.rpc.proto.RestoredState toProto(RestoredState r) {
    var b =
        io.eddy.runtime.rpc.proto.RestoredState.newBuilder()
            .addAllKeyedStateFiles(r.keyedStateFiles())
            .setPreviousParallelism(r.previousParallelism());
    for (RestoredState.SubtaskFile f : r.operatorStateFiles()) {
      b.addOperatorStateFiles(
          io.eddy.runtime.rpc.proto.RestoredState.SubtaskFile.newBuilder()
              .setSubtaskIndex(f.subtaskIndex())
              .setFile(f.file()));
    }
    return b.build();
  }

  static RestoredState fromProto(io.eddy.runtime.rpc.proto.RestoredState p) {
    return new RestoredState(
        p.getKeyedStateFilesList(),
        p.getOperatorStateFilesList().stream()
            .map(f -> new RestoredState.SubtaskFile(f.getSubtaskIndex(), f.getFile()))
            .toList(),
        p.getPreviousParallelism());
  }

  static io.eddy.runtime.rpc.proto.ResultPartitionId toProto(ResultPartitionId id) {
    return io.eddy.runtime.rpc.proto.ResultPartitionId.newBuilder()
        .setProducerAttemptId(id.producerAttemptId())
        .setOutputIndex(id.outputIndex())
        .build();
  }

  static ResultPartitionId fromProto(io.eddy.runtime.rpc.proto.ResultPartitionId p) {
    return new ResultPartitionId(p.getProducerAttemptId(), p.getOutputIndex());
  }

  private static io.eddy.runtime.rpc.proto.OutputDescriptor toProto(OutputDescriptor o) {
    return io.eddy.runtime.rpc.proto.OutputDescriptor.newBuilder()
        .setPartitionId(toProto(o.partitionId()))
        .setNumSubpartitions(o.numSubpartitions())
        .build();
  }

  private static OutputDescriptor fromProto(io.eddy.runtime.rpc.proto.OutputDescriptor p) {
    return new OutputDescriptor(fromProto(p.getPartitionId()), p.getNumSubpartitions());
  }

  private static io.eddy.runtime.rpc.proto.InputDescriptor toProto(InputDescriptor i) {
    var b = io.eddy.runtime.rpc.proto.InputDescriptor.newBuilder();
    for (ChannelDescriptor c : i.channels()) {
      b.addChannels(
          io.eddy.runtime.rpc.proto.ChannelDescriptor.newBuilder()
              .setPartitionId(toProto(c.partitionId()))
              .setSubpartition(c.subpartition())
              .setProducerLocation(c.producerLocation()));
    }
    return b.build();
  }

  private static InputDescriptor fromProto(io.eddy.runtime.rpc.proto.InputDescriptor p) {
    return new InputDescriptor(
        p.getChannelsList().stream()
            .map(
                c ->
                    new ChannelDescriptor(
                        fromProto(c.getPartitionId()),
                        c.getSubpartition(),
                        c.getProducerLocation()))
            .toList());
  }
}
