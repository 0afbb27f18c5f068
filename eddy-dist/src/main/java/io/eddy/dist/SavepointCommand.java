package io.eddy.dist;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eddy savepoint JOB [DIR] [-m HOST:PORT]}. */
@Command(
    name = "savepoint",
    mixinStandardHelpOptions = true,
    description = "Takes a savepoint of a running job; the job keeps running.")
final class SavepointCommand implements Callable<Integer> {
  @Mixin ClientOptions jobManager = new ClientOptions();

  @Parameters(index = "0", paramLabel = "JOB", description = "The job id (see 'eddy list').")
  String jobId;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "Directory on the JobManager's file system (default: its state.savepoints.dir).")
  String directory;

  @Override
  public Integer call() {
    String path = jobManager.client().savepoint(jobId, directory);
    System.out.println("Savepoint completed: " + path);
    return 0;
  }
}
