package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.rest.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster of {@code bin/eddy} processes on loopback for one test: a JobManager and TaskManagers,
 * each a JVM with its log in the test's work directory ({@code target/e2e-work/CLASS/METHOD}, kept
 * when the test fails). After each test every process still alive is killed; when the test failed,
 * the tail of every process's log is printed first.
 *
 * <pre>{@code
 * @RegisterExtension final EddyCluster cluster = new EddyCluster();
 * }</pre>
 */
final class EddyCluster implements BeforeEachCallback, AfterEachCallback {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** How long a failover may take on a loaded machine before a test gives up. */
  static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern JOB_MANAGER_STARTED =
      Pattern.compile(
          "^JobManager started: REST API at http://([\\w.\\-\\[\\]:]*:\\d+)/v1,"
              + " TaskManagers register at ([\\w.\\-\\[\\]:]*:\\d+)");
  private static final Pattern TASK_MANAGER_STARTED =
      Pattern.compile("^TaskManager .*started.*data at ([\\w.\\-\\[\\]:]*:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID (\\S+)");

  /** Every process any test started: killed on JVM exit too (e.g. a forked JVM that times out). */
  private static final List<EddyProcess> ALL = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ALL.stream().filter(EddyProcess::isAlive).forEach(EddyProcess::kill),
                "e2e-kill-processes"));
  }

  /** A started JobManager. */
  record JobManager(EddyProcess process, String restAddress, String rpcAddress) {}

  /** A started TaskManager; {@code location} is its data-plane host:port, as REST lists it. */
  record TaskManager(EddyProcess process, String location) {
    @Override
    public String toString() {
      return process + " at " + location;
    }
  }

  private final List<EddyProcess> processes = new ArrayList<>();
  private final List<TaskManager> taskManagers = new ArrayList<>();
  private Path workDir;
  private JobManager jobManager;
  private ClusterRest rest;
  private int taskManagerCount;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    workDir =
        EddyScript.ROOT
            .resolve("eddy-e2e-tests/target/e2e-work")
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getDisplayName().replaceAll("[^\\w.-]+", "_"));
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    boolean failed = context.getExecutionException().isPresent();
    if (failed) {
      for (EddyProcess p : processes) {
        System.out.printf(
            "%n----- last lines of %s (%s, %s) -----%n%s%n",
            p, p.isAlive() ? "alive" : "ended", p.log(), p.tail(60));
      }
    }
    for (EddyProcess p : processes) {
      if (p.isAlive()) {
        p.kill();
      }
    }
    ALL.removeAll(processes);
    if (!failed) {
      deleteRecursively(workDir);
    }
  }

  /** This test's work directory: logs, job jars, checkpoints and outputs. */
  Path workDir() {
    return workDir;
  }

  ClusterRest rest() {
    return rest;
  }

  JobManager jobManager() {
    return jobManager;
  }

  /** The TaskManagers started and not killed by the test, in start order. */
  List<TaskManager> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /**
   * Starts a JobManager without TaskManagers of its own and waits until it serves REST.
   *
   * @param extraArgs more arguments, e.g. {@code -Dheartbeat.timeout=2000}
   */
  JobManager startJobManager(String... extraArgs) throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "jobmanager",
            // Any free ports; the start line tells which.
            "--rest-port",
            "0",
            "--rpc-port",
            "0",
            "--local-taskmanagers",
            "0",
            "-Djobmanager.blob.dir=" + workDir.resolve("blobs"),
            "-Dstate.checkpoints.dir=" + workDir.resolve("checkpoints")));
    args.addAll(List.of(extraArgs));
    EddyProcess process =
        track(
            EddyScript.start(
                "jobmanager",
                workDir.resolve("jobmanager.log"),
                EddyScript.SERVER_JAVA_OPTS,
                args));
    Matcher started = process.awaitLine(JOB_MANAGER_STARTED, START_TIMEOUT);
    jobManager = new JobManager(process, started.group(1), started.group(2));
    rest = new ClusterRest(jobManager.restAddress());
    await("REST API of the JobManager")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreException(UncheckedIOException.class)
        .until(() -> rest.overview() != null);
    return jobManager;
  }

  /**
   * Starts {@code count} TaskManagers with {@code slots} slots each (all JVMs first, then waits for
   * each one's start line) and waits until the JobManager lists exactly the live TaskManagers.
   */
  List<TaskManager> startTaskManagers(int count, int slots, String javaOpts) throws IOException {
    return startTaskManagers(count, slots, javaOpts, List.of());
  }

  /** The same, with more TaskManager arguments (e.g. {@code -Ds3.endpoint=...}). */
  List<TaskManager> startTaskManagers(int count, int slots, String javaOpts, List<String> extraArgs)
      throws IOException {
    List<EddyProcess> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "taskmanager-" + ++taskManagerCount;
      List<String> args =
          new ArrayList<>(
              List.of(
                  "taskmanager",
                  "--jobmanager",
                  jobManager.rpcAddress(),
                  "--slots",
                  String.valueOf(slots),
                  "-Dtaskmanager.network.buffers=512",
                  "-Dtaskmanager.work.dir=" + workDir.resolve(name)));
      args.addAll(extraArgs);
      started.add(track(EddyScript.start(name, workDir.resolve(name + ".log"), javaOpts, args)));
    }
    List<TaskManager> result = new ArrayList<>();
    for (EddyProcess process : started) {
      Matcher m = process.awaitLine(TASK_MANAGER_STARTED, START_TIMEOUT);
      TaskManager tm = new TaskManager(process, m.group(1));
      taskManagers.add(tm);
      result.add(tm);
    }
    awaitRegisteredTaskManagers();
    return result;
  }

  /**
   * Starts a JobManager that takes part in a leader election ({@code haArgs}: the high-availability
   * keys as {@code -D} options) and waits for its start line; it serves REST as a standby too.
   * {@link #jobManager()} stays unset: HA tests follow the leader themselves.
   */
  JobManager startHaJobManager(String name, List<String> haArgs) throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "jobmanager",
            "--rest-port",
            "0",
            "--rpc-port",
            "0",
            "--local-taskmanagers",
            "0",
            "-Djobmanager.blob.dir=" + workDir.resolve("blobs-" + name),
            "-Dstate.checkpoints.dir=" + workDir.resolve("checkpoints")));
    args.addAll(haArgs);
    EddyProcess process =
        track(
            EddyScript.start(
                name,
                workDir.resolve(name + "-" + System.nanoTime() + ".log"),
                // Leadership and completed checkpoints in the log (INFO), for the tests to read.
                EddyScript.SERVER_JAVA_OPTS
                    + " -Dorg.slf4j.simpleLogger.log.io.eddy.runtime.entrypoint=info"
                    + " -Dorg.slf4j.simpleLogger.log.io.eddy.runtime.checkpoint=info",
                args));
    Matcher started = process.awaitLine(JOB_MANAGER_STARTED, START_TIMEOUT);
    return new JobManager(process, started.group(1), started.group(2));
  }

  /**
   * Starts TaskManagers that find the leader through the HA keys (no {@code --jobmanager}) and
   * waits for their start lines (not for their registration).
   */
  List<TaskManager> startHaTaskManagers(int count, int slots, List<String> haArgs)
      throws IOException {
    List<EddyProcess> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "taskmanager-" + ++taskManagerCount;
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "taskmanager",
              "--slots",
              String.valueOf(slots),
              "-Dtaskmanager.network.buffers=512",
              "-Dtaskmanager.work.dir=" + workDir.resolve(name)));
      args.addAll(haArgs);
      started.add(
          track(
              EddyScript.start(
                  name, workDir.resolve(name + ".log"), EddyScript.SERVER_JAVA_OPTS, args)));
    }
    List<TaskManager> result = new ArrayList<>();
    for (EddyProcess process : started) {
      Matcher m = process.awaitLine(TASK_MANAGER_STARTED, START_TIMEOUT);
      TaskManager tm = new TaskManager(process, m.group(1));
      taskManagers.add(tm);
      result.add(tm);
    }
    return result;
  }

  /** Waits until the JobManager lists exactly the TaskManagers that are alive (no dead ones). */
  void awaitRegisteredTaskManagers() {
    Set<String> expected =
        taskManagers.stream().map(TaskManager::location).collect(Collectors.toSet());
    await("the JobManager lists exactly " + expected)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              assertAllAlive();
              return rest.taskManagers().stream()
                  .map(Messages.TaskManager::location)
                  .collect(Collectors.toSet())
                  .equals(expected);
            });
  }

  /** SIGKILLs a TaskManager; returns {@link System#nanoTime()} right before the signal. */
  long kill(TaskManager tm) {
    taskManagers.remove(tm);
    long before = System.nanoTime();
    tm.process().kill();
    return before;
  }

  /** Fails at once, with its log, if a TaskManager the test did not kill has ended. */
  void awaitTaskManagersAlive() {
    for (TaskManager tm : taskManagers) {
      if (!tm.process().isAlive()) {
        throw new AssertionError(tm + " died:\n" + tm.process().tail(60));
      }
    }
  }

  /** Fails at once, with its log, if a process the test did not kill has ended. */
  void assertAllAlive() {
    if (jobManager != null && !jobManager.process().isAlive()) {
      throw new AssertionError("the JobManager died:\n" + jobManager.process().tail(60));
    }
    for (TaskManager tm : taskManagers) {
      if (!tm.process().isAlive()) {
        throw new AssertionError(tm + " died:\n" + tm.process().tail(60));
      }
    }
  }

  /** Submits a job jar with {@code bin/eddy run -m ... --detached}; returns the job id. */
  String submit(Path jar, int parallelism, String... jobArgs) throws Exception {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "run",
            "-m",
            jobManager.restAddress(),
            "-p",
            String.valueOf(parallelism),
            "--detached",
            jar.toString()));
    args.addAll(List.of(jobArgs));
    EddyScript.Result run = EddyScript.run(workDir, args.toArray(String[]::new));
    assertThat(run.exitCode()).as("bin/eddy run: %s", run).isZero();
    Matcher m = JOB_ID.matcher(run.stdout());
    assertThat(m.find()).as("a job id in: %s", run).isTrue();
    return m.group(1);
  }

  /**
   * Polls the job's details until {@code condition} holds; fails at once if the job reaches a
   * terminal state the condition does not accept, or a process died.
   */
  Messages.JobDetail awaitJob(
      String jobId, String what, Duration timeout, Predicate<Messages.JobDetail> condition) {
    Messages.JobDetail[] last = new Messages.JobDetail[1];
    await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              assertAllAlive();
              Messages.JobDetail job = rest.job(jobId);
              last[0] = job;
              if (condition.test(job)) {
                return true;
              }
              failIfEnded(job, what);
              return false;
            });
    return last[0];
  }

  /** Fails if the job has reached a terminal state while the test waits for {@code what}. */
  static void failIfEnded(Messages.JobDetail job, String what) {
    if (Set.of("FAILED", "CANCELED", "FINISHED").contains(job.status())) {
      throw new AssertionError(
          "job "
              + job.id()
              + " ended "
              + job.status()
              + " while waiting for "
              + what
              + (job.failure() == null ? "" : ": " + job.failure()));
    }
  }

  /** Every subtask of every vertex is RUNNING. */
  static boolean allRunning(Messages.JobDetail job) {
    return "RUNNING".equals(job.status())
        && !job.vertices().isEmpty()
        && job.vertices().stream()
            .flatMap(v -> v.subtasks().stream())
            .allMatch(s -> "RUNNING".equals(s.state()));
  }

  /** The TaskManager locations that hold at least one subtask of the job. */
  static Set<String> locationsOf(Messages.JobDetail job) {
    return job.vertices().stream()
        .flatMap(v -> v.subtasks().stream())
        .map(Messages.Subtask::location)
        .collect(Collectors.toSet());
  }

  private EddyProcess track(EddyProcess process) {
    processes.add(process);
    ALL.add(process);
    return process;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Waits until at least {@code more} checkpoints completed beyond {@code before}. */
  long awaitCheckpointsAfter(String jobId, long before, int more) {
    long[] completed = new long[1];
    await(more + " more completed checkpoints")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              assertAllAlive();
              completed[0] = rest().checkpoints(jobId).completed();
              return completed[0] >= before + more;
            });
    return completed[0];
  }

  TaskManager aTaskManagerRunningSubtasksOf(Messages.JobDetail job) {
    Set<String> used = locationsOf(job);
    List<TaskManager> candidates =
        taskManagers.stream().filter(tm -> used.contains(tm.location())).toList();
    assertThat(candidates)
        .as(
            "TaskManagers %s running subtasks at %s",
            taskManagers.stream().map(TaskManager::location).collect(Collectors.toList()), used)
        .isNotEmpty();
    return candidates.get(0);
  }

  /**
   * Milliseconds from a kill until the JobManager dropped the TaskManager and until processing
   * resumed.
   */
  record Recovery(long lostMillis, long resumedMillis) {}

  /**
   * SIGKILLs the TaskManager and measures until the REST API no longer lists it, and until it shows
   * a restart more than {@code restartsBefore} with every subtask RUNNING, none at the victim's
   * location.
   */
  Recovery killAndAwaitRecovery(String jobId, TaskManager victim, int restartsBefore) {
    long killedAt = kill(victim);
    long[] lostAt = new long[1];
    long[] resumedAt = new long[1];
    String what = "processing to resume after killing " + victim;
    await(what)
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              assertAllAlive();
              if (lostAt[0] == 0
                  && rest().taskManagers().stream()
                      .noneMatch(t -> t.location().equals(victim.location()))) {
                lostAt[0] = System.nanoTime();
              }
              if (resumedAt[0] == 0) {
                Messages.JobDetail j = rest().job(jobId);
                if (j.restarts() > restartsBefore
                    && allRunning(j)
                    && !locationsOf(j).contains(victim.location())) {
                  resumedAt[0] = System.nanoTime();
                } else {
                  EddyCluster.failIfEnded(j, what);
                }
              }
              return lostAt[0] != 0 && resumedAt[0] != 0;
            });
    return new Recovery((lostAt[0] - killedAt) / 1_000_000, (resumedAt[0] - killedAt) / 1_000_000);
  }
}
