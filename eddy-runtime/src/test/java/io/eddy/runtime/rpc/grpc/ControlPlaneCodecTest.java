package io.eddy.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.accumulators.IntCounter;
import io.eddy.api.common.accumulators.LongCounter;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.ChannelDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.InputDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.OutputDescriptor;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPlaneCodecTest {

  static TaskDeploymentDescriptor fullDescriptor() {
    return new TaskDeploymentDescriptor(
        "job-1",
        "My job",
        2,
        "Map -> Filter",
        1,
        4,
        128,
        3,
        "attempt-7",
        new byte[] {1, 2, 3, 0, -1},
        List.of(new OutputDescriptor(new ResultPartitionId("attempt-7", 0), 4)),
        List.of(
            new InputDescriptor(
                List.of(
                    new ChannelDescriptor(new ResultPartitionId("a-0", 0), 1, "host-a:6121"),
                    new ChannelDescriptor(new ResultPartitionId("a-1", 0), 1, "host-b:6121")))),
        100,
        200,
        new CheckpointingOptions(
            1000, CheckpointingMode.AT_LEAST_ONCE, 60_000, 10, 2, 3, true, 50, "/ckpt", true, 5),
        "/ckpt/job-1",
        List.of(
            new RestoredState(
                List.of("/ckpt/chk-3/k0"), List.of(new RestoredState.SubtaskFile(0, "/o0")), 2),
            RestoredState.NONE),
        "/ckpt/chk-3/channels-1");
  }

  @Test
  void deploymentRoundTrips() {
    TaskDeploymentDescriptor tdd = fullDescriptor();
    TaskDeploymentDescriptor back = DeploymentCodec.fromProto(DeploymentCodec.toProto(tdd));
    assertThat(back).usingRecursiveComparison().isEqualTo(tdd);
    assertThat(back.serializedConfig()).containsExactly(tdd.serializedConfig());
  }

  @Test
  void deploymentRoundTripsNullsAndDisabledCheckpointing() {
    TaskDeploymentDescriptor tdd =
        new TaskDeploymentDescriptor(
            "j",
            "n",
            0,
            "t",
            0,
            1,
            1,
            0,
            "a",
            new byte[0],
            List.of(),
            List.of(),
            0,
            0,
            CheckpointingOptions.DISABLED,
            null,
            List.of(),
            null);
    TaskDeploymentDescriptor back = DeploymentCodec.fromProto(DeploymentCodec.toProto(tdd));
    assertThat(back).usingRecursiveComparison().isEqualTo(tdd);
    assertThat(back.checkpointStorageRoot()).isNull();
    assertThat(back.channelStateFile()).isNull();
    assertThat(back.checkpointing().storageDirectory()).isNull();
  }

  @Test
  void operatorEventsRoundTrip() {
    List<OperatorEvent> events =
        List.of(
            new OperatorEvent.ReaderRegistration(3),
            new OperatorEvent.SplitRequest(2),
            new OperatorEvent.NoMoreSplits());
    for (OperatorEvent e : events) {
      assertThat(EventCodec.fromProto(EventCodec.toProto(e))).isEqualTo(e);
    }
    var splits = new OperatorEvent.AddSplits(7, List.of(new byte[] {1, 2}, new byte[0]));
    var back = (OperatorEvent.AddSplits) EventCodec.fromProto(EventCodec.toProto(splits));
    assertThat(back.version()).isEqualTo(7);
    assertThat(back.splits()).containsExactly(new byte[] {1, 2}, new byte[0]);
  }

  @Test
  void emptyOperatorEventIsRejected() {
    assertThatThrownBy(
            () ->
                EventCodec.fromProto(io.eddy.runtime.rpc.proto.OperatorEvent.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotTypesRoundTrip() {
    for (SnapshotType t : SnapshotType.values()) {
      assertThat(EventCodec.fromProto(EventCodec.toProto(t))).isEqualTo(t);
    }
    assertThatThrownBy(
            () ->
                EventCodec.fromProto(
                    io.eddy.runtime.rpc.proto.SnapshotType.SNAPSHOT_TYPE_UNSPECIFIED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateFileHandlesRoundTripAndAreValidated() {
    var keyed = new StateFileHandle("op-1", 2, "keyed-2", new KeyGroupRange(0, 63));
    var operator = new StateFileHandle("op-1", 2, "op-2", StateFileHandle.NO_KEY_GROUPS);
    assertThat(EventCodec.fromProto(EventCodec.toProto(keyed))).isEqualTo(keyed);
    assertThat(EventCodec.fromProto(EventCodec.toProto(operator))).isEqualTo(operator);
    var escaping = EventCodec.toProto(keyed).toBuilder().setFileName("../../etc/passwd").build();
    assertThatThrownBy(() -> EventCodec.fromProto(escaping))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taskStatesRoundTripWithCounters() {
    for (ExecutionState s : ExecutionState.values()) {
      var state = new TaskExecutionState("j", "a", s, null, null);
      assertThat(TaskStateCodec.fromProto(TaskStateCodec.toProto(state))).isEqualTo(state);
    }
    Map<String, Accumulator<?, ?>> accumulators =
        Map.of("ints", new IntCounter(5), "longs", new LongCounter(1L << 40));
    var finished = new TaskExecutionState("j", "a", ExecutionState.FINISHED, null, accumulators);
    var back = TaskStateCodec.fromProto(TaskStateCodec.toProto(finished));
    assertThat(back.accumulators()).containsOnlyKeys("ints", "longs");
    assertThat(back.accumulators().get("ints").getLocalValue()).isEqualTo(5);
    assertThat(back.accumulators().get("longs").getLocalValue()).isEqualTo(1L << 40);
    var empty = new TaskExecutionState("j", "a", ExecutionState.FINISHED, null, Map.of());
    assertThat(TaskStateCodec.fromProto(TaskStateCodec.toProto(empty)).accumulators()).isEmpty();
  }

  @Test
  void customAccumulatorsAreRefusedWithAClearMessage() {
    Accumulator<String, String> custom = new LastValue();
    var state =
        new TaskExecutionState("j", "a", ExecutionState.FINISHED, null, Map.of("mine", custom));
    assertThatThrownBy(() -> TaskStateCodec.toProto(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mine'")
        .hasMessageContaining("only IntCounter and LongCounter");
  }

  @Test
  void failuresTravelAsTextWithCauses() {
    var cause = new IllegalStateException("disk full");
    var failure = new RuntimeException("Map (1/2) threw", cause);
    var state = new TaskExecutionState("j", "a", ExecutionState.FAILED, failure, null);

    Throwable back = TaskStateCodec.fromProto(TaskStateCodec.toProto(state)).failure();

    assertThat(back).isInstanceOf(RemoteFailure.class).hasMessage("Map (1/2) threw");
    assertThat(back.toString()).isEqualTo("java.lang.RuntimeException: Map (1/2) threw");
    assertThat(back.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(back.getCause()).isInstanceOf(RemoteFailure.class);
    assertThat(back.getCause().toString()).isEqualTo("java.lang.IllegalStateException: disk full");
    assertThat(back.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    // Once more through the codec: the original class name is kept, not RemoteFailure's.
    var again =
        TaskStateCodec.fromProto(
                TaskStateCodec.toProto(
                    new TaskExecutionState("j", "a", ExecutionState.FAILED, back, null)))
            .failure();
    assertThat(again.toString()).isEqualTo(back.toString());
  }

  @Test
  void failureWithoutMessageAndCauseDepthIsBounded() {
    Throwable t = new NullPointerException();
    for (int i = 0; i < 100; i++) {
      t = new RuntimeException(t);
    }
    Throwable back = TaskStateCodec.fromProto(TaskStateCodec.toProto(t, 0));
    int depth = 0;
    for (Throwable c = back; c != null; c = c.getCause()) {
      depth++;
    }
    assertThat(depth).isEqualTo(TaskStateCodec.MAX_CAUSE_DEPTH + 1);
    var npe = TaskStateCodec.fromProto(TaskStateCodec.toProto(new NullPointerException(), 0));
    assertThat(npe.getMessage()).isNull();
    assertThat(npe.toString()).isEqualTo("java.lang.NullPointerException");
  }

  /** A user's own accumulator. */
  static final class LastValue implements Accumulator<String, String> {
    private String value = "";

    @Override
    public void add(String v) {
      value = v;
    }

    @Override
    public String getLocalValue() {
      return value;
    }

    @Override
    public void resetLocal() {
      value = "";
    }

    @Override
    public void merge(Accumulator<String, String> other) {
      value = other.getLocalValue();
    }

    @Override
    public LastValue clone() {
      LastValue c = new LastValue();
      c.value = value;
      return c;
    }
  }
}
