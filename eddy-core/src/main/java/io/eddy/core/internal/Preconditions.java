package io.eddy.core.internal;

/** Argument checks whose messages tell the user what to fix, in one line. */
public final class Preconditions {
  /** The largest number of key groups (and so the largest parallelism) Eddy supports. */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private Preconditions() {}

  public static int checkParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "Parallelism must be at least 1, but was " + parallelism + ".");
    }
    if (parallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Parallelism must be at most "
              + UPPER_BOUND_MAX_PARALLELISM
              + ", but was "
              + parallelism
              + ".");
    }
    return parallelism;
  }

  public static int checkMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Max parallelism must be between 1 and "
              + UPPER_BOUND_MAX_PARALLELISM
              + ", but was "
              + maxParallelism
              + ".");
    }
    return maxParallelism;
  }

  public static String checkNotEmpty(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + what + " must not be empty.");
    }
    return value;
  }

  public static <T> T checkNotNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("The " + what + " must not be null.");
    }
    return value;
  }
}
