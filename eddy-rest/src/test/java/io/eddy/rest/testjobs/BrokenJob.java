package io.eddy.rest.testjobs;

/** A main method that fails before it submits anything. */
public final class BrokenJob {
  public static void main(String[] args) {
    throw new IllegalStateException("no input given\nsecond line");
  }
}
