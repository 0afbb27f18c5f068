package io.eddy.runtime.streamrecord;

/**
 * A watermark travelling in a stream, between records: event time has reached {@code timestamp}, no
 * older records are expected.
 *
 * <p>There is one watermark class, the API's {@link io.eddy.api.common.eventtime.Watermark}, which
 * watermark generators emit; this is the stream element that carries its timestamp through
 * operators, chains and the network. It is not the API class itself because every element of a
 * stream is a {@link StreamElement} (the input loop tells records, watermarks and statuses apart
 * with one call, and the serializer writes them), and eddy-core cannot extend a runtime class; nor
 * does it wrap the API object, which would cost a second object per watermark on the network path
 * for no gain. Hence the name: the element, not a second {@code Watermark}.
 */
public final class WatermarkElement extends StreamElement {
  public static final WatermarkElement MAX = new WatermarkElement(Long.MAX_VALUE);

  private final long timestamp;

  public WatermarkElement(long timestamp) {
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
    return o instanceof WatermarkElement w && w.timestamp == timestamp;
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
