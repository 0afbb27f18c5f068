package io.eddy.dist;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eddy cancel JOB [-m HOST:PORT]}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a running job.")
final class CancelCommand implements Callable<Integer> {
  @Mixin ClientOptions jobManager = new ClientOptions();

  @Parameters(index = "0", paramLabel = "JOB", description = "The job id (see 'eddy list').")
  String jobId;

  @Override
  public Integer call() {
    jobManager.client().cancel(jobId);
    System.out.println("Cancelling job " + jobId + ".");
    return 0;
  }
}
