package io.eddy.it.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointConfig.ExternalizedCheckpointRetention;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.connector.source.lib.NumberSequenceSplit;
import io.eddy.it.Await;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Savepoints end to end with {@link SavepointJob}: a job at parallelism 2 is held at a known
 * position (half of its input), stopped with a savepoint, and resumed at other parallelisms. What
 * the first run wrote before it stopped plus what a resumed run writes must be exactly what an
 * uninterrupted run writes: stop-with-savepoint lets nothing through after the savepoint's barrier,
 * and the resumed run starts from exactly that state.
 */
class SavepointITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final long HOLD = SavepointJob.N / 2;

  /**
   * Long enough that a periodic watermark is usually still due when the savepoint's barrier passes
   * the source: one emitted after it would fire windows the savepoint still holds.
   */
  private static final long WATERMARK_INTERVAL = 300;

  /** An uninterrupted run's sorted output (the same in every test; computed once). */
  private static List<String> uninterrupted;

  @TempDir Path checkpoints;
  @TempDir Path savepoints;

  @BeforeEach
  void reset() throws Exception {
    uninterrupted(); // first, so that its run does not count in a test's statics
    SavepointJob.resetStatics();
  }

  @Test
  void anUninterruptedRunWritesWhatTheOracleSays() throws Exception {
    assertThat(uninterrupted()).isEqualTo(SavepointJob.expectedOutput(SavepointJob.N));
  }

  @ParameterizedTest(name = "uids={0}, resumed at p={1}")
  @CsvSource({"true,3", "true,1", "false,3"})
  void stopWithSavepointAndResumeAtAnotherParallelism(boolean uids, int parallelism)
      throws Exception {
    Stopped first = runHeldAndStop(2, uids, false);
    assertThat(SavepointJob.MAPPER_TOTAL.get()).isEqualTo(first.emitted());

    SavepointJob.resetStatics();
    CollectingSink<String> sink = new CollectingSink<>();
    StreamExecutionEnvironment env = environment(parallelism);
    env.setSavepointRestore(first.savepoint(), false);
    SavepointJob.build(env, HoldableNumberSource.unheld(SavepointJob.N), sink, uids, true);
    env.execute("resumed at p=" + parallelism);

    assertThat(sorted(first.output(), sink.getResults())).isEqualTo(uninterrupted());
    assertThat(SavepointJob.MAPPER_TOTAL.get()).isEqualTo(SavepointJob.N);
    // every subtask got the union of the 2 old subtasks' entries
    assertThat(SavepointJob.UNION_SIZES).hasSize(parallelism).containsOnly(2);
  }

  /** One savepoint, resumed twice: a savepoint is not used up by a restore. */
  @Test
  void oneSavepointResumedTwiceGivesTheSameResult() throws Exception {
    Stopped first = runHeldAndStop(2, true, false);
    for (int p : new int[] {3, 1}) {
      CollectingSink<String> sink = new CollectingSink<>();
      StreamExecutionEnvironment env = environment(p);
      env.setSavepointRestore(first.savepoint(), false);
      SavepointJob.build(env, HoldableNumberSource.unheld(SavepointJob.N), sink, true, true);
      env.execute("resumed at p=" + p);
      assertThat(sorted(first.output(), sink.getResults()))
          .as("p=%d", p)
          .isEqualTo(uninterrupted());
    }
  }

  @Test
  void stopWithSavepointAndDrainFiresEveryWindowBeforeTheSavepoint() throws Exception {
    Stopped first = runHeldAndStop(2, true, true);
    // everything below the hold, windows and timers included, and nothing else
    assertThat(sorted(first.output(), List.of()))
        .isEqualTo(SavepointJob.expectedOutput(first.emitted()));
  }

  @Test
  void stateOfAnOperatorTheJobLacksIsAnErrorUnlessAllowed() throws Exception {
    Stopped first = runHeldAndStop(2, true, false);

    StreamExecutionEnvironment env = environment(2);
    env.setSavepointRestore(first.savepoint(), false);
    SavepointJob.build(
        env, HoldableNumberSource.unheld(SavepointJob.N), new CollectingSink<>(), true, false);
    assertThatThrownBy(() -> env.execute("without the keyed operator"))
        .satisfies(
            e -> {
              String message = rootMessage(e);
              assertThat(message)
                  .contains("[keyed]")
                  .contains(first.savepoint())
                  .doesNotContain("\n");
              assertThat(message).contains("allow non-restored state");
            });

    SavepointJob.resetStatics();
    CollectingSink<String> sink = new CollectingSink<>();
    StreamExecutionEnvironment allowing = environment(3);
    allowing.setSavepointRestore(first.savepoint(), true);
    SavepointJob.build(allowing, HoldableNumberSource.unheld(SavepointJob.N), sink, true, false);
    allowing.execute("without the keyed operator, allowed");
    List<String> windowsOnly = uninterrupted().stream().filter(s -> s.startsWith("w:")).toList();
    List<String> firstWindows = first.output().stream().filter(s -> s.startsWith("w:")).toList();
    assertThat(sorted(firstWindows, sink.getResults())).isEqualTo(windowsOnly);
    assertThat(SavepointJob.MAPPER_TOTAL.get()).isEqualTo(SavepointJob.N);
  }

  @Test
  void aTruncatedOrCorruptSavepointFailsTheJobNamingTheFile() throws Exception {
    Stopped first = runHeldAndStop(2, true, false);
    Path metadata = Path.of(first.savepoint()).resolve("_metadata");
    byte[] bytes = Files.readAllBytes(metadata);

    Files.write(metadata, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertStartFails(first.savepoint(), metadata.toString(), "truncated");

    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x5A;
    Files.write(metadata, flipped);
    assertStartFails(first.savepoint(), metadata.toString(), "checksum");

    Files.write(metadata, new byte[0]);
    assertStartFails(first.savepoint(), metadata.toString(), "truncated");

    Path missing = savepoints.resolve("no-such-savepoint");
    assertStartFails(missing.toString(), missing.resolve("_metadata").toString(), "");
  }

  /** A checkpoint retained on cancellation is a starting point like a savepoint. */
  @Test
  void aRetainedCheckpointOfACancelledJobCanBeResumed() throws Exception {
    CollectingSink<String> sink = new CollectingSink<>();
    StreamExecutionEnvironment env = environment(2);
    env.enableCheckpointing(20);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    HoldableNumberSource source = new HoldableNumberSource(SavepointJob.N, HOLD);
    SavepointJob.build(env, source, sink, true, true);
    JobClient client = env.executeAsync("retained");
    long emitted = emittedBeforeHold(2);
    Await.until(() -> counted(sink) == emitted, "the records before the hold");
    // a checkpoint triggered from now on covers exactly the records before the hold
    long triggeredBefore = maxCheckpointId(false);
    Await.until(() -> maxCheckpointId(true) > triggeredBefore, "a checkpoint after the hold");
    client.cancel().get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
        .hasMessageContaining("cancelled");
    long retained = maxCheckpointId(true);
    assertThat(retained).isGreaterThan(triggeredBefore);
    Path checkpoint = jobDirectory().resolve("chk-" + retained);
    List<String> firstCounts = sink.getResults().stream().filter(s -> s.startsWith("c:")).toList();

    SavepointJob.resetStatics();
    CollectingSink<String> resumed = new CollectingSink<>();
    StreamExecutionEnvironment env2 = environment(3);
    env2.setSavepointRestore(checkpoint.toString(), false);
    SavepointJob.build(env2, HoldableNumberSource.unheld(SavepointJob.N), resumed, true, true);
    env2.execute("resumed from a retained checkpoint");

    // the per-record counts are exact; windows and timers may have fired in the first run after
    // the checkpoint (it was cancelled, not stopped), so of those nothing may be missing
    List<String> counts = resumed.getResults().stream().filter(s -> s.startsWith("c:")).toList();
    assertThat(sorted(firstCounts, counts))
        .isEqualTo(uninterrupted().stream().filter(s -> s.startsWith("c:")).toList());
    assertThat(new java.util.HashSet<>(sorted(sink.getResults(), resumed.getResults())))
        .containsAll(uninterrupted());
    assertThat(resumed.getResults()).allMatch(uninterrupted()::contains);
    assertThat(SavepointJob.MAPPER_TOTAL.get()).isEqualTo(SavepointJob.N);
  }

  // ------------------------------------------------------------------------------------------

  /** The output of a held run stopped with a savepoint. */
  record Stopped(String savepoint, List<String> output, long emitted) {}

  private Stopped runHeldAndStop(int parallelism, boolean uids, boolean drain) throws Exception {
    CollectingSink<String> sink = new CollectingSink<>();
    StreamExecutionEnvironment env = environment(parallelism);
    HoldableNumberSource source = new HoldableNumberSource(SavepointJob.N, HOLD);
    SavepointJob.build(env, source, sink, uids, true);
    JobClient client = env.executeAsync("held at " + HOLD);
    long emitted = emittedBeforeHold(parallelism);
    Await.until(() -> counted(sink) == emitted, "the records before the hold");
    String savepoint =
        client.stopWithSavepoint(drain, savepoints.toString()).get(30, TimeUnit.SECONDS);
    client.getJobExecutionResult().get(30, TimeUnit.SECONDS); // FINISHED, not failed
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(savepoint).resolve("_metadata")).isRegularFile();
    assertThat(counted(sink)).isEqualTo(emitted);
    return new Stopped(savepoint, sink.getResults(), emitted);
  }

  /** How many records the source emits before it holds: those of the splits below the hold. */
  private static long emittedBeforeHold(int parallelism) {
    List<NumberSequenceSplit> splits =
        NumberSequenceSplit.splitRange(
            0, SavepointJob.N - 1, parallelism * NumberSequenceSource.SPLITS_PER_READER);
    return splits.stream()
        .filter(s -> s.from() >= HOLD)
        .mapToLong(NumberSequenceSplit::from)
        .min()
        .orElse(SavepointJob.N);
  }

  private static long counted(CollectingSink<String> sink) {
    return sink.getResults().stream().filter(s -> s.startsWith("c:")).count();
  }

  private StreamExecutionEnvironment environment(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.enableCheckpointing(60_000); // savepoints only, unless a test sets a shorter interval
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.setAutoWatermarkInterval(WATERMARK_INTERVAL);
    return env;
  }

  private synchronized List<String> uninterrupted() throws Exception {
    if (uninterrupted == null) {
      CollectingSink<String> sink = new CollectingSink<>();
      StreamExecutionEnvironment env = environment(2);
      SavepointJob.build(env, HoldableNumberSource.unheld(SavepointJob.N), sink, true, true);
      env.execute("uninterrupted");
      uninterrupted = sink.getResults().stream().sorted().toList();
    }
    return uninterrupted;
  }

  private void assertStartFails(String savepoint, String named, String reason) {
    StreamExecutionEnvironment env = environment(2);
    env.setSavepointRestore(savepoint, false);
    SavepointJob.build(
        env, HoldableNumberSource.unheld(SavepointJob.N), new CollectingSink<>(), true, true);
    assertThatThrownBy(() -> env.execute("from a bad savepoint"))
        .as("starting from %s", savepoint)
        .satisfies(
            e -> {
              String message = rootMessage(e);
              assertThat(message).contains(named).contains(reason).doesNotContain("\n");
            });
  }

  /** The message the user sees: the top exception's (which must carry the cause's detail). */
  private static String rootMessage(Throwable e) {
    if (e instanceof ExecutionException && e.getCause() != null) {
      e = e.getCause();
    }
    return String.valueOf(e.getMessage());
  }

  private Path jobDirectory() throws Exception {
    try (Stream<Path> jobs = Files.list(checkpoints)) {
      List<Path> dirs = jobs.toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  /** The highest checkpoint id in the job's directory (completed ones only, or any attempt). */
  private long maxCheckpointId(boolean completedOnly) {
    try (Stream<Path> jobs = Files.list(checkpoints)) {
      long max = 0;
      for (Path job : jobs.toList()) {
        try (Stream<Path> attempts = Files.list(job)) {
          for (Path a : attempts.toList()) {
            String name = a.getFileName().toString();
            if (name.startsWith("chk-")
                && (!completedOnly || Files.isRegularFile(a.resolve("_metadata")))) {
              max = Math.max(max, Long.parseLong(name.substring(4)));
            }
          }
        }
      }
      return max;
    } catch (java.io.IOException e) {
      return 0; // a directory deleted while listing: look again
    }
  }

  private static List<String> sorted(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(null);
    return all;
  }
}
