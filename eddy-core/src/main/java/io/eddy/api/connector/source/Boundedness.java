package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** Whether a source ends by itself. */
@Public
public enum Boundedness {
  /** The source reads a finite input and then ends; the job can finish. */
  BOUNDED,
  /** The source runs until cancelled. */
  CONTINUOUS_UNBOUNDED
}
