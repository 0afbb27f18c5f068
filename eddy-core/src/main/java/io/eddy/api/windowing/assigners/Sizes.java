package io.eddy.api.windowing.assigners;

/** Checks of window sizes and offsets, with messages that say what to fix. */
final class Sizes {
  private Sizes() {}

  static long positive(long millis, String what) {
    if (millis <= 0) {
      throw new IllegalArgumentException(
          what + " must be at least 1 ms, but was " + millis + " ms.");
    }
    return millis;
  }

  static long offset(long offset, long size) {
    if (Math.abs(offset) >= size) {
      throw new IllegalArgumentException(
          "A window offset must be smaller than the window ("
              + size
              + " ms), but was "
              + offset
              + " ms.");
    }
    return offset;
  }
}
