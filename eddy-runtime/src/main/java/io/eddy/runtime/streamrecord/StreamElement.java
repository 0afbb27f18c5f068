package io.eddy.runtime.streamrecord;

/** What flows through a stream: records, watermarks and watermark statuses. */
public abstract class StreamElement {
  public boolean isRecord() {
    return false;
  }

  public boolean isWatermark() {
    return false;
  }

  public boolean isWatermarkStatus() {
    return false;
  }

  @SuppressWarnings("unchecked")
  public final <T> StreamRecord<T> asRecord() {
    return (StreamRecord<T>) this;
  }

  public final WatermarkElement asWatermark() {
    return (WatermarkElement) this;
  }

  public final WatermarkStatus asWatermarkStatus() {
    return (WatermarkStatus) this;
  }
}
