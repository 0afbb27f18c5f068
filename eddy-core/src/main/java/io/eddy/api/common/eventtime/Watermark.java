package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A point in event time, as a {@link WatermarkGenerator} emits it: the stream does not expect
 * records with a timestamp at or before {@link #getTimestamp()} any more. Immutable.
 */
@PublicEvolving
public final class Watermark implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The end of event time: every event-time timer fires. */
  public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

  private final long timestamp;

  public Watermark(long timestamp) {
    this.timestamp = timestamp;
  }

  /** Milliseconds since the epoch. */
  public long getTimestamp() {
    return timestamp;
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
    return "Watermark @ " + timestamp;
  }
}
