package io.eddy.runtime.operators.co;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.co.ProcessJoinFunction;
import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.operators.OperatorSetup;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.StreamingRuntimeContext;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-input keyed operator (interval join) keeps its buffers across a rescale. */
class IntervalJoinCheckpointTest {
  private static final int MAX_PARALLELISM = 128;
  private static final KeySelector<String, String> KEY = s -> s.substring(0, 1);
  private static final String LETTERS = "abcdefghij";

  @TempDir Path dir;

  static final class Pair extends ProcessJoinFunction<String, String, String> {
    @Override
    public void processElement(String left, String right, Context ctx, Collector<String> out) {
      out.collect(left + "+" + right);
    }
  }

  /** One subtask's operator and what it emitted. */
  private record Subtask(
      IntervalJoinOperator<String, String, String, String> op, List<String> out) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Subtask subtask(int index, int parallelism, List<Path> restoreFrom)
      throws Exception {
    IntervalJoinOperator<String, String, String, String> op =
        new IntervalJoinOperator<>(new Pair(), -2, 2);
    List<String> out = new ArrayList<>();
    HeapKeyedStateBackend<String> backend =
        new HeapKeyedStateBackend<>(
            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                MAX_PARALLELISM, parallelism, index),
            MAX_PARALLELISM,
            TypeInformation.of(String.class).createSerializer());
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job", "op", index, parallelism, MAX_PARALLELISM, 0, null, new HashMap<>());
    ((StreamOperator) op)
        .setup(
            new OperatorSetup(
                "join",
                new Output<String>() {
                  @Override
                  public void collect(StreamRecord<String> record) {
                    out.add(record.getValue() + "@" + record.getTimestamp());
                  }

                  @Override
                  public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

                  @Override
                  public void emitWatermark(WatermarkElement watermark) {}

                  @Override
                  public void emitWatermarkStatus(WatermarkStatus status) {}
                },
                context.forOperator("join", backend),
                KEY,
                backend,
                new MailboxProcessingTimeService(new ManualClock(0), new TaskMailbox()),
                null,
                KEY));
    op.initializeState(
        new RestoredState(restoreFrom.stream().map(Path::toString).toList(), List.of(), 1));
    op.open();
    return new Subtask(op, out);
  }

  private static boolean owns(int index, int parallelism, String value) throws Exception {
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(
            KEY.getKey(value), MAX_PARALLELISM, parallelism)
        == index;
  }

  @Test
  void bothBuffersMoveToTheNewOwnersOfTheirKeys() throws Exception {
    Subtask original = subtask(0, 1, List.of());
    for (char c : LETTERS.toCharArray()) {
      original.op().processElement1(new StreamRecord<>(c + "L", 5));
      original.op().processElement2(new StreamRecord<>(c + "R", 30));
    }
    Path file = dir.resolve("join");
    try (OutputStream out = Files.newOutputStream(file)) {
      original.op().snapshotState(1, 0).keyedState().writeTo(out);
    }

    List<String> joined = new ArrayList<>();
    for (int index = 0; index < 2; index++) {
      Subtask restored = subtask(index, 2, List.of(file));
      for (char c : LETTERS.toCharArray()) {
        if (owns(index, 2, c + "")) {
          restored.op().processElement2(new StreamRecord<>(c + "r", 6)); // joins L@5
          restored.op().processElement1(new StreamRecord<>(c + "l", 29)); // joins R@30
        }
      }
      joined.addAll(restored.out());
    }
    List<String> expected = new ArrayList<>();
    for (char c : LETTERS.toCharArray()) {
      expected.add(c + "L+" + c + "r@6");
      expected.add(c + "l+" + c + "R@30");
    }
    assertThat(joined).containsExactlyInAnyOrderElementsOf(expected);
  }
}
