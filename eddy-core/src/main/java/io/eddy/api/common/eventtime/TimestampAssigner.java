package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;

/** Gives each record its event timestamp (milliseconds since the epoch). Task thread only. */
@FunctionalInterface
@PublicEvolving
public interface TimestampAssigner<T> {
  /** The {@code recordTimestamp} of a record that had no timestamp. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * @param element the record
   * @param recordTimestamp the timestamp the record already had (for example from the source), or
   *     {@link #NO_TIMESTAMP}
   */
  long extractTimestamp(T element, long recordTimestamp);
}
