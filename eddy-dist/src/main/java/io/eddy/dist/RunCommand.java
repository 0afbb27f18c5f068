package io.eddy.dist;

import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.rest.RestClient;
import io.eddy.rest.RestClientException;
import io.eddy.rest.messages.Messages;
import io.eddy.runtime.client.DispatcherExecutor;
import io.eddy.runtime.client.EmbeddedExecutorFactory;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eddy run [-m HOST:PORT] [-p N] [-c CLASS] [--detached] [--savepoint PATH] JAR [ARGS...]}:
 * runs a job jar on the embedded cluster, or with {@code -m} uploads it to a JobManager.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the main class of a job jar. Without -m the job runs on an embedded cluster in this process.")
final class RunCommand implements Callable<Integer> {

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description = "Default parallelism of the job (default: number of CPU cores).")
  int parallelism;

  @Option(
      names = {"-c", "--class"},
      paramLabel = "CLASS",
      description = "Main class (default: Main-Class of the jar's manifest).")
  String mainClass;

  @Option(
      names = {"-m", "--jobmanager"},
      paramLabel = "HOST:PORT",
      description =
          "Submit to the JobManager with this REST address (e.g. localhost:8081) instead of"
              + " running embedded; with high-availability keys (--config, -D) the job goes to the"
              + " leader without -m.")
  String jobManager;

  @Option(
      names = {"-d", "--detached"},
      description = "With -m: return once the job is submitted instead of waiting for its end.")
  boolean detached;

  @Option(
      names = {"-s", "--savepoint"},
      paramLabel = "PATH",
      description = "Start the job from this savepoint or retained checkpoint directory.")
  String savepoint;

  @Option(
      names = {"-n", "--allow-non-restored-state"},
      description = "With --savepoint: skip state that no operator of the job claims.")
  boolean allowNonRestoredState;

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Parameters(index = "0", paramLabel = "JAR", description = "The job jar.")
  Path jar;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "Arguments for the job's main method.")
  List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Job jar not found: " + jar);
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException(
          "Parallelism must be at least 1, but was " + parallelism + ".");
    }
    RestClient leader =
        jobManager == null ? ClientOptions.leaderClient(configOptions.load()) : null;
    if (jobManager != null || leader != null) {
      return runOnJobManager(
          leader != null ? leader : new RestClient(RestClient.normalizeAddress(jobManager)));
    }
    if (detached) {
      throw new IllegalArgumentException(
          "--detached needs -m HOST:PORT: an embedded job ends with this process.");
    }
    String className = mainClass != null ? mainClass : manifestMainClass(jar);
    SavepointRestoreSettings restore =
        savepoint == null
            ? SavepointRestoreSettings.NONE
            : SavepointRestoreSettings.forPath(savepoint, allowNonRestoredState);
    if (!restore.restoreSavepoint()) {
      return JobLauncher.launch(new URL[] {jar.toUri().toURL()}, className, jobArgs, parallelism);
    }
    PipelineExecutors.setContextExecutor(
        pipeline ->
            new EmbeddedExecutorFactory()
                .createEmbedded()
                .execute(DispatcherExecutor.withDefaults(pipeline, restore, null)));
    try {
      return JobLauncher.launch(new URL[] {jar.toUri().toURL()}, className, jobArgs, parallelism);
    } finally {
      PipelineExecutors.setContextExecutor(null);
    }
  }

  private int runOnJobManager(RestClient client) throws InterruptedException {
    String jobId =
        client.runJar(jar, mainClass, jobArgs, parallelism, savepoint, allowNonRestoredState);
    System.out.println("Job has been submitted with JobID " + jobId);
    if (detached) {
      return 0;
    }
    Messages.JobDetail job = client.job(jobId);
    long unreachableSince = 0;
    while (!TERMINAL.contains(job.status())) {
      Thread.sleep(200); // a client polling the REST API, not test synchronization
      try {
        job = client.job(jobId);
        unreachableSince = 0;
      } catch (RestClientException e) {
        // A failover in progress: the next leader answers within a few session timeouts.
        long now = System.nanoTime();
        unreachableSince = unreachableSince == 0 ? now : unreachableSince;
        if (now - unreachableSince > UNREACHABLE_LIMIT.toNanos()) {
          throw e;
        }
      }
    }
    switch (job.status()) {
      case "FINISHED" -> {
        System.out.println(
            "Job " + jobId + " finished after " + ListCommand.formatDuration(job.duration()) + ".");
        return 0;
      }
      case "CANCELED" -> throw new IllegalStateException("Job " + jobId + " was cancelled.");
      default ->
          throw new IllegalStateException(
              "Job " + jobId + " failed" + (job.failure() == null ? "." : ": " + job.failure()));
    }
  }

  /** How long an attached run waits for an unreachable JobManager (or a new leader). */
  private static final Duration UNREACHABLE_LIMIT = Duration.ofSeconds(60);

  private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED");

  private static String manifestMainClass(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String main =
          file.getManifest() == null
              ? null
              : file.getManifest().getMainAttributes().getValue("Main-Class");
      if (main == null) {
        throw new IllegalArgumentException(
            "The jar "
                + jar
                + " names no Main-Class in its manifest: pass the class with -c CLASS.");
      }
      return main;
    }
  }
}
