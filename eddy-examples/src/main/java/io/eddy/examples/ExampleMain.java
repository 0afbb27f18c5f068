package io.eddy.examples;

import io.eddy.api.JobExecutionException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an example's job and turns a {@link UsageException} into a one-line error and exit code 1.
 */
final class ExampleMain {
  /** An example's job, started from its command line. */
  @FunctionalInterface
  interface Job {
    void run(String[] args) throws Exception;
  }

  private ExampleMain() {}

  /**
   * Runs {@code job}; returns 0 when it finished and 1 after printing a usage error, or why the job
   * failed, to {@code err}.
   */
  static int run(String[] args, Job job, String usage, PrintStream err) throws Exception {
    try {
      job.run(args);
      return 0;
    } catch (UsageException e) {
      err.println("Error: " + e.getMessage() + ". Usage: " + usage);
      return 1;
    } catch (JobExecutionException e) {
      err.println("Error: the job failed: " + failureMessage(e));
      return 1;
    }
  }

  /**
   * The most telling message of a failure: the root cause's, or the message of the highest cause
   * that still repeats it (wrappers often add the failing operator and address).
   */
  static String failureMessage(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    int i = chain.size() - 1;
    String message = String.valueOf(chain.get(i));
    if (chain.get(i).getMessage() != null) {
      message = chain.get(i).getMessage();
      while (i > 0
          && chain.get(i - 1).getMessage() != null
          && chain.get(i - 1).getMessage().contains(message)) {
        message = chain.get(--i).getMessage();
      }
    }
    return message;
  }

  /**
   * Like {@link #run}, for a {@code main} method: exits the JVM with 1 on a usage error or a failed
   * job.
   */
  static void main(String[] args, Job job, String usage) throws Exception {
    int code = run(args, job, usage, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
