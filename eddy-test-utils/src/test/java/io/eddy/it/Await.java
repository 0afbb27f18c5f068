package io.eddy.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a job running on other threads to reach a state (the outcome itself is exact). */
public final class Await {
  private Await() {}

  public static void until(BooleanSupplier condition, String what) {
    until(condition, what, Duration.ofSeconds(30));
  }

  public static void until(BooleanSupplier condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }
}
