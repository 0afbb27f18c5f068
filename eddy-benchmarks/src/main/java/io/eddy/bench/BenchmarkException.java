package io.eddy.bench;

/**
 * A benchmark that cannot run as asked; the runner prints the message as one line and exits with
 * {@link #exitCode()}: 1 for a command-line mistake, 2 for a feature Eddy does not have yet.
 */
public final class BenchmarkException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  private BenchmarkException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The command line is wrong. */
  static BenchmarkException usage(String message) {
    return new BenchmarkException(message, 1);
  }

  /** The command line is right, but asks for something Eddy cannot do yet. */
  static BenchmarkException unsupported(String message) {
    return new BenchmarkException(message, 2);
  }

  public int exitCode() {
    return exitCode;
  }
}
