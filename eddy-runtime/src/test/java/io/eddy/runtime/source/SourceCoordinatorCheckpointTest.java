package io.eddy.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.connector.source.lib.FromElementsSource;
import io.eddy.api.connector.source.lib.FromElementsSplit;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.connector.file.FileSource;
import io.eddy.connector.file.FileSourceSplit;
import io.eddy.connector.file.internal.FileSplitPlanner;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.gateway.VersionedBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enumerator's checkpoint holds exactly the splits not assigned yet, and restores them. */
class SourceCoordinatorCheckpointTest {
  @TempDir Path dir;

  /** A coordinator whose events to readers are collected, deserialized. */
  private static final class Probe<S extends SourceSplit, C> implements AutoCloseable {
    final Source<?, S, C> source;
    final SourceCoordinator<S, C> coordinator;
    final ConcurrentLinkedQueue<OperatorEvent> sent = new ConcurrentLinkedQueue<>();

    Probe(Source<?, S, C> source, int parallelism, byte[] restored) {
      this.source = source;
      coordinator =
          new SourceCoordinator<>("src", source, parallelism, (i, e) -> sent.add(e), e -> {});
      coordinator.start(restored).join();
    }

    /** Reader 0 asks for a split; returns it, or null for "no more splits". */
    S request() throws Exception {
      coordinator.handleEvent(0, new OperatorEvent.SplitRequest(0)).join();
      OperatorEvent event = sent.poll();
      if (event instanceof OperatorEvent.AddSplits add) {
        return source.getSplitSerializer().deserialize(add.version(), add.splits().get(0));
      }
      assertThat(event).isInstanceOf(OperatorEvent.NoMoreSplits.class);
      return null;
    }

    List<S> requestAll() throws Exception {
      List<S> splits = new ArrayList<>();
      S split;
      while ((split = request()) != null) {
        splits.add(split);
      }
      return splits;
    }

    C checkpointContent(byte[] bytes) throws Exception {
      return VersionedBytes.deserialize(source.getEnumeratorCheckpointSerializer(), bytes);
    }

    @Override
    public void close() throws Exception {
      coordinator.close();
    }
  }

  @Test
  void fileEnumeratorCheckpointHoldsExactlyTheUnassignedSplits() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "x\n".repeat(5_000));
    Files.writeString(input.resolve("b.txt"), "y\n".repeat(3_000));
    FileSource source = FileSource.forTextLines(input.toString()).withSplitSize(4096);
    List<FileSourceSplit> plan = FileSplitPlanner.plan(input.toString(), 4096, false);
    assertThat(plan).hasSizeGreaterThan(4);

    byte[] checkpoint;
    try (Probe<FileSourceSplit, List<FileSourceSplit>> probe = new Probe<>(source, 2, null)) {
      List<FileSourceSplit> assigned = List.of(probe.request(), probe.request());
      assertThat(assigned).isEqualTo(plan.subList(0, 2));
      checkpoint = probe.coordinator.snapshotState(7).join();
      assertThat(probe.checkpointContent(checkpoint)).isEqualTo(plan.subList(2, plan.size()));
      probe.request(); // after the checkpoint: the restore hands it out again
    }
    try (Probe<FileSourceSplit, List<FileSourceSplit>> restored =
        new Probe<>(source, 3, checkpoint)) {
      assertThat(restored.requestAll()).isEqualTo(plan.subList(2, plan.size()));
    }
  }

  @Test
  void numberSequenceAndGeneratorEnumeratorsCheckpointTheUnassignedRanges() throws Exception {
    List<Source<?, NumberSequenceSplit, List<NumberSequenceSplit>>> sources =
        List.of(new NumberSequenceSource(0, 99), new DataGeneratorSource<>(i -> i, 100));
    for (var source : sources) {
      byte[] checkpoint;
      List<NumberSequenceSplit> rest;
      try (var probe = new Probe<>(source, 1, null)) {
        NumberSequenceSplit first = probe.request();
        checkpoint = probe.coordinator.snapshotState(1).join();
        rest = probe.requestAll();
        assertThat(first).isEqualTo(new NumberSequenceSplit("0", 0, 24));
        assertThat(rest).hasSize(3);
        assertThat(probe.checkpointContent(checkpoint)).isEqualTo(rest);
      }
      try (var restored = new Probe<>(source, 1, checkpoint)) {
        assertThat(restored.requestAll()).isEqualTo(rest);
      }
    }
  }

  @Test
  void fromElementsEnumeratorCheckpointIsEmptyOnceItsSplitIsAssigned() throws Exception {
    FromElementsSource<String> source =
        FromElementsSource.of(Types.STRING.createSerializer(), List.of("a", "b"));
    try (var probe = new Probe<>(source, 1, null)) {
      assertThat(probe.checkpointContent(probe.coordinator.snapshotState(1).join()))
          .containsExactly(new FromElementsSplit(0));
      assertThat(probe.request()).isEqualTo(new FromElementsSplit(0));
      byte[] checkpoint = probe.coordinator.snapshotState(2).join();
      assertThat(probe.checkpointContent(checkpoint)).isEmpty();
      try (var restored = new Probe<>(source, 1, checkpoint)) {
        assertThat(restored.request()).isNull();
      }
    }
  }
}
