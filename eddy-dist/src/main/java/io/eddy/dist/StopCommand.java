package io.eddy.dist;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy stop JOB --savepoint DIR [--drain] [-m HOST:PORT]}. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = "Stops a job with a savepoint, to resume it later with 'run --savepoint'.")
final class StopCommand implements Callable<Integer> {
  @Mixin ClientOptions jobManager = new ClientOptions();

  @Parameters(index = "0", paramLabel = "JOB", description = "The job id (see 'eddy list').")
  String jobId;

  @Option(
      names = {"-s", "--savepoint"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for the savepoint, on the JobManager's file system.")
  String directory;

  @Option(
      names = "--drain",
      description = "Fire all event-time timers and windows before stopping (end of input).")
  boolean drain;

  @Override
  public Integer call() {
    String path = jobManager.client().stop(jobId, directory, drain);
    System.out.println("Job " + jobId + " stopped with savepoint " + path);
    return 0;
  }
}
