package io.eddy.api.common.eventtime;

/** Keeps the timestamp the record already carries (for example one set by the source). */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
  @Override
  public long extractTimestamp(T element, long recordTimestamp) {
    return recordTimestamp;
  }
}
