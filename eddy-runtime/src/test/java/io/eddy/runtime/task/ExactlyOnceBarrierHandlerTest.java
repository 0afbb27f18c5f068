package io.eddy.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.input.InputChannel;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.snapshot.ChannelState.InputChannelData;
import io.eddy.runtime.snapshot.SnapshotType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once barrier handling: alignment, and what an unaligned checkpoint records of a task's
 * input, channel by channel.
 */
class ExactlyOnceBarrierHandlerTest {
  private static final CheckpointBarrier BARRIER_1 =
      new CheckpointBarrier(1, 0, SnapshotType.CHECKPOINT);

  private final List<CompletableFuture<List<InputChannelData>>> unalignedSnapshots =
      new ArrayList<>();
  private final List<Long> alignedSnapshots = new ArrayList<>();
  private final byte[][] pending = {{9}, {}};
  private InputGate gate;

  @BeforeEach
  void gate() {
    gate = new InputGate(List.of(new IdleChannel(), new IdleChannel()));
  }

  private ExactlyOnceBarrierHandler handler(boolean alignFirst) {
    return new ExactlyOnceBarrierHandler(
        gate,
        b -> alignedSnapshots.add(b.checkpointId()),
        (b, input) -> unalignedSnapshots.add(input),
        c -> pending[c],
        alignFirst);
  }

  @Test
  void recordsTheOtherChannelsUntilTheirBarriersArrive() throws Exception {
    ExactlyOnceBarrierHandler handler = handler(false);
    handler.processBarrier(BARRIER_1, 0);
    assertThat(unalignedSnapshots).hasSize(1); // snapshot at the first barrier
    handler.onBuffer(0, buffer(1)); // after channel 0's barrier: not in the checkpoint
    handler.onBuffer(1, buffer(2));
    handler.onBuffer(1, buffer(3));
    assertThat(unalignedSnapshots.get(0)).isNotDone();
    handler.processBarrier(BARRIER_1, 1, List.of(new byte[] {4})); // overtook received data
    handler.onBuffer(1, buffer(5));

    List<InputChannelData> input = unalignedSnapshots.get(0).join();
    assertThat(input.get(0).prefix()).containsExactly(9);
    assertThat(input.get(0).buffers()).isEmpty();
    assertThat(input.get(1).buffers())
        .containsExactly(new byte[] {2}, new byte[] {3}, new byte[] {4});
    assertThat(alignedSnapshots).isEmpty();
  }

  @Test
  void alignsFirstAndTurnsUnalignedWhenTheAlignmentTimesOut() throws Exception {
    ExactlyOnceBarrierHandler handler = handler(true);
    handler.processBarrier(BARRIER_1, 0);
    assertThat(unalignedSnapshots).isEmpty(); // still aligning: channel 0 is blocked
    handler.alignmentTimedOut(1, 0);
    assertThat(unalignedSnapshots).hasSize(1);
    handler.onBuffer(1, buffer(7));
    handler.processEndOfPartition(1); // an ended channel counts as arrived
    assertThat(unalignedSnapshots.get(0).join().get(1).buffers()).containsExactly(new byte[] {7});
  }

  @Test
  void alignedInTimeTakesAnAlignedSnapshot() throws Exception {
    ExactlyOnceBarrierHandler handler = handler(true);
    handler.processBarrier(BARRIER_1, 0);
    handler.processBarrier(BARRIER_1, 1);
    assertThat(alignedSnapshots).containsExactly(1L);
    assertThat(unalignedSnapshots).isEmpty();
    handler.alignmentTimedOut(1, 0); // too late: done already
    assertThat(unalignedSnapshots).isEmpty();
  }

  @Test
  void aNewerCheckpointAbandonsTheRecordingOfAnOlderOne() throws Exception {
    ExactlyOnceBarrierHandler handler = handler(false);
    handler.processBarrier(BARRIER_1, 0);
    handler.processBarrier(new CheckpointBarrier(2, 0, SnapshotType.CHECKPOINT), 0);
    assertThat(unalignedSnapshots.get(0)).isCompletedExceptionally();
    handler.processBarrier(new CheckpointBarrier(2, 0, SnapshotType.CHECKPOINT), 1);
    assertThat(unalignedSnapshots.get(1)).isCompleted();
  }

  @Test
  void alignedHandlerBlocksDeliveredChannelsUntilAllArrived() throws Exception {
    ExactlyOnceBarrierHandler handler =
        ExactlyOnceBarrierHandler.aligned(gate, b -> alignedSnapshots.add(b.checkpointId()));
    handler.processBarrier(BARRIER_1, 0);
    assertThat(alignedSnapshots).isEmpty();
    handler.processEndOfPartition(1); // an ended channel counts as aligned
    assertThat(alignedSnapshots).containsExactly(1L);
    handler.processBarrier(BARRIER_1, 0); // the same checkpoint again: done already
    assertThat(alignedSnapshots).containsExactly(1L);
  }

  @Test
  void savepointsStayAligned() throws Exception {
    ExactlyOnceBarrierHandler handler = handler(false);
    CheckpointBarrier savepoint = new CheckpointBarrier(3, 0, SnapshotType.SAVEPOINT);
    handler.processBarrier(savepoint, 0);
    assertThat(unalignedSnapshots).isEmpty();
    handler.processBarrier(savepoint, 1);
    assertThat(alignedSnapshots).containsExactly(3L);
  }

  private static Buffer buffer(int value) {
    Buffer b = new Buffer(new byte[] {(byte) value}, ignored -> {});
    b.setSize(1);
    return b;
  }

  /** A channel that never has data (the test feeds the handler directly). */
  private static final class IdleChannel implements InputChannel {
    @Override
    public Buffer poll() {
      return null;
    }

    @Override
    public Buffer pollPriorityEvent() {
      return null;
    }

    @Override
    public void start(InputGate gate, int channelIndex) {}

    @Override
    public void release() {}
  }
}
