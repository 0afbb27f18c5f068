package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;

/**
 * What a {@link Trigger} decides for a window: evaluate it (fire), clear it (purge), both or none.
 */
@Public
public enum TriggerResult {
  /** Do nothing. */
  CONTINUE(false, false),
  /** Evaluate the window function and emit; keep the contents. */
  FIRE(true, false),
  /** Clear the window's contents without emitting. */
  PURGE(false, true),
  /** Evaluate and emit, then clear the contents. */
  FIRE_AND_PURGE(true, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  public boolean isFire() {
    return fire;
  }

  public boolean isPurge() {
    return purge;
  }
}
