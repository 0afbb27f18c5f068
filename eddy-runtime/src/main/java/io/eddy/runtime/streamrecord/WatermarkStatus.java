package io.eddy.runtime.streamrecord;

/**
 * Whether a stream currently takes part in event time. An IDLE channel is left out of the minimum
 * that gives a task's watermark until it becomes ACTIVE again (or sends a record).
 */
public final class WatermarkStatus extends StreamElement {
  public static final WatermarkStatus IDLE = new WatermarkStatus(true);
  public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

  private final boolean idle;

  private WatermarkStatus(boolean idle) {
    this.idle = idle;
  }

  public static WatermarkStatus of(boolean idle) {
    return idle ? IDLE : ACTIVE;
  }

  public boolean isIdle() {
    return idle;
  }

  public boolean isActive() {
    return !idle;
  }

  @Override
  public boolean isWatermarkStatus() {
    return true;
  }

  @Override
  public String toString() {
    return idle ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
  }
}
