package io.eddy.examples;

import java.io.PrintStream;

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
   * Runs {@code job}; returns 0 when it finished and 1 after printing a usage error to {@code err}.
   */
  static int run(String[] args, Job job, String usage, PrintStream err) throws Exception {
    try {
      job.run(args);
      return 0;
    } catch (UsageException e) {
      err.println("Error: " + e.getMessage() + ". Usage: " + usage);
      return 1;
    }
  }

  /** Like {@link #run}, for a {@code main} method: exits the JVM with 1 on a usage error. */
  static void main(String[] args, Job job, String usage) throws Exception {
    int code = run(args, job, usage, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
