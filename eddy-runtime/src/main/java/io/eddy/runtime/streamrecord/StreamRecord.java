package io.eddy.runtime.streamrecord;

/**
 * A value with an optional event timestamp. Mutable on purpose: outputs reuse one instance per edge
 * instead of allocating one per record.
 */
public final class StreamRecord<T> extends StreamElement {
  private T value;
  private long timestamp;
  private boolean hasTimestamp;

  public StreamRecord(T value) {
    this.value = value;
  }

  public StreamRecord(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  public T getValue() {
    return value;
  }

  public long getTimestamp() {
    return hasTimestamp ? timestamp : Long.MIN_VALUE;
  }

  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  /** Sets the value, keeping the timestamp; returns this record with the new type. */
  @SuppressWarnings("unchecked")
  public <X> StreamRecord<X> replace(X newValue) {
    this.value = (T) newValue;
    return (StreamRecord<X>) this;
  }

  @SuppressWarnings("unchecked")
  public <X> StreamRecord<X> replace(X newValue, long newTimestamp) {
    this.value = (T) newValue;
    this.timestamp = newTimestamp;
    this.hasTimestamp = true;
    return (StreamRecord<X>) this;
  }

  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  public void eraseTimestamp() {
    this.hasTimestamp = false;
  }

  /** Copies the timestamp of {@code other} onto this record. */
  public void copyTimestampFrom(StreamRecord<?> other) {
    this.timestamp = other.timestamp;
    this.hasTimestamp = other.hasTimestamp;
  }

  @Override
  public boolean isRecord() {
    return true;
  }

  @Override
  public String toString() {
    return "Record(" + value + (hasTimestamp ? " @ " + timestamp : "") + ")";
  }
}
