package io.eddy.it.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.checkpoint.CheckpointListener;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.RichMapFunction;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.datastream.DataStream;
import io.eddy.connector.file.sink.FileSink;
import io.eddy.it.Await;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.cluster.TaskExecutor;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.testutils.GatedSource;
import io.eddy.testutils.MiniClusterExtension;
import io.eddy.testutils.jobs.KeyedCounting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regional failover: an embarrassingly parallel job (source, map and file sink at parallelism 4
 * over forward edges: four pipelined regions) whose mapper throws once in subtask 2 restarts only
 * that subtask, from the latest completed checkpoint, and still writes every record exactly once
 * (the oracle: the numbers of the source). A job with a keyBy is one region and restarts whole, as
 * exactly. A TaskManager lost mid-run takes its subtasks' regions to fresh slots on the survivor
 * while the other regions run on.
 *
 * <p>The source holds its readers open after their last record until the test lets them end, so
 * that the failures happen while the job runs, on a machine of any speed.
 */
class RegionalFailoverITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  private static final int PARALLELISM = 4;
  private static final long RECORDS = 20_000;
  private static final int KEYS = 8;
  private static final int FAILING_SUBTASK = 2;
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Whether the failing mapper has thrown (once per test). */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  @TempDir Path checkpoints;
  @TempDir Path output;

  /** The test's job, cancelled after the test if it still runs (a failed test). */
  private JobClient submitted;

  @BeforeEach
  void reset() {
    FAILED.set(false);
  }

  @AfterEach
  void cancelLeftover() {
    if (submitted != null && !submitted.getJobExecutionResult().isDone()) {
      submitted.cancel().join();
    }
  }

  private JobClient submit(StreamExecutionEnvironment env, String name) throws Exception {
    submitted = env.executeAsync(name);
    return submitted;
  }

  /**
   * Throws once, in the first attempt of subtask {@value #FAILING_SUBTASK}: at its first record
   * after a checkpoint completed there (so the restart restores state), or at its 2,000th record.
   */
  static final class FailOnceInSubtask2 extends RichMapFunction<Long, Long>
      implements CheckpointListener {
    private transient long seen;
    private transient boolean checkpointed;

    @Override
    public Long map(Long value) {
      if (getRuntimeContext().getIndexOfThisSubtask() == FAILING_SUBTASK
          && getRuntimeContext().getAttemptNumber() == 0) {
        seen++;
        if ((checkpointed || seen >= 2_000) && FAILED.compareAndSet(false, true)) {
          throw new IllegalStateException("injected failure at record " + seen);
        }
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = seen > 100;
    }
  }

  @ParameterizedTest(name = "unaligned={0}")
  @ValueSource(booleans = {false, true})
  void aFailedSubtaskRestartsAloneAndTheOutputIsExactlyOnce(boolean unaligned) throws Exception {
    GatedSource<Long, ?> source = heldNumbers();
    StreamExecutionEnvironment env = environment(unaligned);
    numbers(env, source)
        .map(new FailOnceInSubtask2())
        .map(String::valueOf)
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    JobClient job = submit(env, "regional failover");
    DispatcherGateway dispatcher = CLUSTER.getMiniCluster().getDispatcher();

    Await.until(() -> restarts(job) >= 1, "the failing subtask's restart", PATIENCE);
    awaitAllRunning(job);
    source.open();
    job.getJobExecutionResult().get();

    assertThat(FAILED).isTrue();
    assertThat(restarts(job)).isEqualTo(1);
    assertAttempts(dispatcher.requestJobDetails(job.getJobId()).get(), Set.of(FAILING_SUBTASK));
    long[] seen = new long[(int) RECORDS];
    for (String line : readFinishedLines()) {
      seen[Integer.parseInt(line)]++;
    }
    assertEveryRecordOnce(seen);
  }

  @Test
  void aKeyedJobIsOneRegionAndRestartsWholeExactlyOnce() throws Exception {
    GatedSource<Long, ?> source = heldNumbers();
    StreamExecutionEnvironment env = environment(false);
    numbers(env, source)
        .map(new FailOnceInSubtask2())
        .keyBy(v -> v % KEYS)
        .process(new KeyedCounting.CountPerKey())
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    JobClient job = submit(env, "whole-job failover");

    Await.until(() -> restarts(job) >= 1, "the job's restart", PATIENCE);
    awaitAllRunning(job);
    source.open();
    job.getJobExecutionResult().get();

    assertThat(restarts(job)).isEqualTo(1);
    JobDetails details =
        CLUSTER.getMiniCluster().getDispatcher().requestJobDetails(job.getJobId()).get();
    assertThat(details.vertices()).hasSize(2);
    for (JobDetails.Vertex vertex : details.vertices()) {
      assertThat(vertex.subtasks())
          .as("every subtask of %s restarted", vertex.name())
          .allMatch(s -> s.attempt() == 1);
    }
    long[] seen = new long[(int) RECORDS];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    for (String line : readFinishedLines()) {
      String[] f = line.split(",");
      seen[Integer.parseInt(f[2])]++;
      countsPerKey
          .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
          .add(Long.parseLong(f[1]));
    }
    assertEveryRecordOnce(seen);
    assertThat(countsPerKey).hasSize(KEYS);
    countsPerKey.forEach(
        (key, counts) ->
            assertThat(counts.stream().sorted().toList())
                .as("counts of key %d", key)
                .isEqualTo(LongStream.rangeClosed(1, RECORDS / KEYS).boxed().toList()));
  }

  @Test
  void aLostTaskManagersRegionsMoveToTheSurvivorWhileTheOthersRunOn() throws Exception {
    FAILED.set(true); // no injected failure: the TaskManager's loss is the failure
    GatedSource<Long, ?> source = heldNumbers();
    StreamExecutionEnvironment env = environment(false);
    numbers(env, source)
        .map(new FailOnceInSubtask2())
        .map(String::valueOf)
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
    JobClient job = submit(env, "taskmanager loss");
    DispatcherGateway dispatcher = CLUSTER.getMiniCluster().getDispatcher();
    ResourceManager resourceManager = CLUSTER.getMiniCluster().getResourceManager();
    TaskExecutor victim = CLUSTER.getMiniCluster().getTaskExecutors().get(1);
    String victimLocation = victim.getLocation();
    try {
      awaitAllRunning(job);
      Await.until(
          () -> dispatcher.requestCheckpointStats(job.getJobId()).join().completed() >= 1,
          "a completed checkpoint",
          PATIENCE);
      Set<Integer> lostSubtasks = subtasksOn(dispatcher, job, victimLocation);
      assertThat(lostSubtasks).as("subtasks spread over both TaskManagers").hasSize(2);

      resourceManager.removeTaskManager(victim, "lost in a test");
      victim.cancelAllTasks().get(); // what runs there dies with it

      Await.until(() -> restarts(job) >= 1, "the lost subtasks' restart", PATIENCE);
      awaitAllRunning(job);
      assertThat(subtasksOn(dispatcher, job, victimLocation)).isEmpty();
      source.open();
      job.getJobExecutionResult().get();

      assertThat(restarts(job)).isEqualTo(1);
      assertAttempts(dispatcher.requestJobDetails(job.getJobId()).get(), lostSubtasks);
      long[] seen = new long[(int) RECORDS];
      for (String line : readFinishedLines()) {
        seen[Integer.parseInt(line)]++;
      }
      assertEveryRecordOnce(seen);
    } finally {
      resourceManager.registerTaskManager(victim, victim.getNumberOfSlots());
    }
  }

  private StreamExecutionEnvironment environment(boolean unaligned) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(PARALLELISM);
    env.enableCheckpointing(50);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(20)));
    return env;
  }

  /**
   * The numbers {@code 0..RECORDS-1} at 10,000 a second, whose readers stay open after their last
   * record until {@code open()}: the job keeps running (and taking checkpoints) as long as a test
   * needs.
   */
  private static GatedSource<Long, ?> heldNumbers() {
    return GatedSource.holding(new DataGeneratorSource<>(i -> i, RECORDS, 10_000));
  }

  private static DataStream<Long> numbers(
      StreamExecutionEnvironment env, GatedSource<Long, ?> source) {
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers");
  }

  private static int restarts(JobClient job) {
    return CLUSTER.getMiniCluster().getDispatcher().requestNumberOfRestarts(job.getJobId()).join();
  }

  /** Waits until every subtask's current attempt runs (after a restart: the restored ones). */
  private static void awaitAllRunning(JobClient job) {
    DispatcherGateway dispatcher = CLUSTER.getMiniCluster().getDispatcher();
    Await.until(
        () -> {
          JobDetails details = dispatcher.requestJobDetails(job.getJobId()).join();
          return details.overview().status() == JobStatus.RUNNING
              && details.vertices().stream()
                  .flatMap(v -> v.subtasks().stream())
                  .allMatch(s -> s.state().equals("RUNNING"));
        },
        "every subtask to run",
        PATIENCE);
  }

  /**
   * Asserts that the subtasks {@code restarted} (of every vertex: source to sink is a region) run
   * their second attempt and all others their first.
   */
  private static void assertAttempts(JobDetails details, Set<Integer> restarted) {
    for (JobDetails.Vertex vertex : details.vertices()) {
      for (JobDetails.Subtask subtask : vertex.subtasks()) {
        assertThat(subtask.attempt())
            .as("attempt of %s subtask %d", vertex.name(), subtask.subtask())
            .isEqualTo(restarted.contains(subtask.subtask()) ? 1 : 0);
      }
    }
  }

  private static Set<Integer> subtasksOn(
      DispatcherGateway dispatcher, JobClient job, String location) {
    Set<Integer> subtasks = new HashSet<>();
    for (JobDetails.Subtask s :
        dispatcher.requestJobDetails(job.getJobId()).join().vertices().get(0).subtasks()) {
      if (location.equals(s.location())) {
        subtasks.add(s.subtask());
      }
    }
    return subtasks;
  }

  private static void assertEveryRecordOnce(long[] seen) {
    for (int v = 0; v < seen.length; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isEqualTo(1);
    }
  }

  private List<String> readFinishedLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().startsWith(".")) { // in progress or pending otherwise
          lines.addAll(Files.readAllLines(file));
        }
      }
    }
    return lines;
  }
}
