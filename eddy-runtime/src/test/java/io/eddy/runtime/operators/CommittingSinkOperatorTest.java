package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.sink.DiscardingSink;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.eddy.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.eddy.core.dag.ops.Specs;
import io.eddy.runtime.snapshot.OperatorSnapshot;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.RestoredState.SubtaskFile;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.OperatorFactory;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the committing sink operator through the operator SPI, with real files. */
class CommittingSinkOperatorTest {
  @TempDir Path out;
  @TempDir Path checkpoints;

  private FileSink<String> sink() {
    return FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(12).build())
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static CommittingSinkOperator<String, ?, ?> start(
      FileSink<String> sink, int subtask, int parallelism, RestoredState restored)
      throws Exception {
    CommittingSinkOperator<String, ?, ?> op = new CommittingSinkOperator<>(sink);
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job",
            "sink",
            subtask,
            parallelism,
            128,
            0,
            CommittingSinkOperatorTest.class.getClassLoader(),
            new HashMap<>());
    var timeService = new MailboxProcessingTimeService(new ManualClock(0), new TaskMailbox());
    ((StreamOperator) op)
        .setup(new OperatorSetup("sink", null, context, null, null, timeService, null));
    op.initializeState(restored);
    op.open();
    return op;
  }

  private static void write(CommittingSinkOperator<String, ?, ?> op, IntStream records) {
    records.forEach(i -> op.processElement(new StreamRecord<>("r" + i)));
  }

  /** Runs the snapshot's asynchronous part into a state file, as the task would. */
  private Path snapshot(CommittingSinkOperator<String, ?, ?> op, long checkpointId, int subtask)
      throws Exception {
    OperatorSnapshot snapshot = op.snapshotState(checkpointId, 0);
    assertThat(snapshot.keyedState()).isNull();
    Path file = checkpoints.resolve("chk-" + checkpointId + "-" + subtask);
    try (OutputStream stream = Files.newOutputStream(file)) {
      snapshot.operatorState().writeTo(stream);
    }
    return file;
  }

  /** The records of all finished part files, file by file in (subtask, counter) order. */
  private List<String> committedRecords() throws Exception {
    List<String> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f :
          files
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(CommittingSinkOperatorTest::partOrder))
              .toList()) {
        records.addAll(Files.readAllLines(f));
      }
    }
    return records;
  }

  private static String partOrder(Path file) {
    String[] parts = file.getFileName().toString().split("-"); // part-<subtask>-<counter>
    return String.format("%05d-%05d", Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }

  private List<String> hiddenFiles() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  private static List<String> records(int fromInclusive, int toInclusive) {
    return IntStream.rangeClosed(fromInclusive, toInclusive).mapToObj(i -> "r" + i).toList();
  }

  @Test
  void commitsOnlyWhenTheCheckpointCompletes() throws Exception {
    var op = start(sink(), 0, 1, RestoredState.NONE);
    write(op, IntStream.rangeClosed(1, 5)); // "rN\n" is 3 bytes: a part file holds 4 records
    snapshot(op, 1, 0);
    assertThat(committedRecords()).isEmpty();
    write(op, IntStream.rangeClosed(6, 9));
    snapshot(op, 2, 0);
    op.notifyCheckpointAborted(1);
    op.notifyCheckpointComplete(2); // also commits what checkpoint 1 prepared
    assertThat(committedRecords()).isEqualTo(records(1, 8));
    op.finish();
    snapshot(op, 3, 0);
    op.notifyCheckpointComplete(3);
    op.close();
    assertThat(committedRecords()).isEqualTo(records(1, 9));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void exactlyOnceAfterACrashAndRestore() throws Exception {
    var op = start(sink(), 0, 1, RestoredState.NONE);
    write(op, IntStream.rangeClosed(1, 6));
    Path checkpoint1 = snapshot(op, 1, 0);
    write(op, IntStream.rangeClosed(7, 13)); // lost: the source replays them after the restore
    snapshot(op, 2, 0); // files synced, but checkpoint 2 never completes
    // crash: checkpoint 1's completion notice never arrives and the operator is not closed

    var restored =
        start(
            sink(),
            0,
            1,
            new RestoredState(List.of(), List.of(new SubtaskFile(0, checkpoint1.toString())), 1));
    assertThat(committedRecords()).isEqualTo(records(1, 4)); // checkpoint 1's rolled file
    write(restored, IntStream.rangeClosed(7, 20));
    restored.finish();
    snapshot(restored, 3, 0);
    restored.notifyCheckpointComplete(3);
    restored.close();

    assertThat(committedRecords()).isEqualTo(records(1, 20));
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void rescaleCommitsAllOldCommittablesAndDealsTheWriterStates() throws Exception {
    var first = start(sink(), 0, 2, RestoredState.NONE);
    var second = start(sink(), 1, 2, RestoredState.NONE);
    write(first, IntStream.rangeClosed(1, 5));
    write(second, IntStream.rangeClosed(101, 105));
    Path file0 = snapshot(first, 1, 0);
    Path file1 = snapshot(second, 1, 1);
    write(first, IntStream.rangeClosed(6, 7)); // lost
    write(second, IntStream.rangeClosed(106, 107)); // lost

    var restored =
        start(
            sink(),
            0,
            1,
            new RestoredState(
                List.of(),
                List.of(new SubtaskFile(1, file1.toString()), new SubtaskFile(0, file0.toString())),
                2));
    write(restored, IntStream.rangeClosed(6, 9));
    restored.finish();
    snapshot(restored, 2, 0);
    restored.notifyCheckpointComplete(2);
    restored.close();

    List<String> expected = new ArrayList<>(records(1, 9));
    expected.addAll(records(101, 105));
    assertThat(committedRecords()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void factoryPicksTheCommittingOperatorForCommittingSinks() {
    assertThat(OperatorFactory.create(new Specs.SinkTo<>(sink()), null, 0))
        .isInstanceOf(CommittingSinkOperator.class);
    assertThat(OperatorFactory.create(new Specs.SinkTo<>(new DiscardingSink<>()), null, 0))
        .isInstanceOf(SinkOperator.class);
  }
}
