package io.eddy.runtime.streamrecord;

/** Event time has reached {@code timestamp}: no older records are expected. */
public final class Watermark extends StreamElement {
  public static final Watermark MAX = new Watermark(Long.MAX_VALUE);

  private final long timestamp;

  public Watermark(long timestamp) {
    this.timestamp = timestamp;
  }

  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean isWatermark() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Watermark w && w.timestamp == timestamp;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Watermark(" + timestamp + ")";
  }
}
