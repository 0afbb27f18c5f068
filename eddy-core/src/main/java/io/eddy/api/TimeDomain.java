package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;

/** Which clock a timer follows. */
@PublicEvolving
public enum TimeDomain {
  /** Fires when the watermark passes the timer's timestamp. */
  EVENT_TIME,
  /** Fires when the task's processing-time clock passes the timer's timestamp. */
  PROCESSING_TIME
}
