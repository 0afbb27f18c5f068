package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;

/** Keeps the timestamp the record already carries (for example one set by the source). */
@PublicEvolving
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
  @Override
  public long extractTimestamp(T element, long recordTimestamp) {
    return recordTimestamp;
  }
}
