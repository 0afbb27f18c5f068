package io.eddy.runtime.streamrecord;

/** What flows through a stream: records and watermarks (more kinds come with event time). */
public abstract class StreamElement {
  public boolean isRecord() {
    return false;
  }

  public boolean isWatermark() {
    return false;
  }

  @SuppressWarnings("unchecked")
  public final <T> StreamRecord<T> asRecord() {
    return (StreamRecord<T>) this;
  }

  public final Watermark asWatermark() {
    return (Watermark) this;
  }
}
