package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** What {@link SourceReader#pollNext} tells the task about what comes next. */
@Public
public enum InputStatus {
  /** More records are available now; the task calls {@code pollNext} again soon. */
  MORE_AVAILABLE,
  /** Nothing now; the task waits for {@link SourceReader#isAvailable()} before polling again. */
  NOTHING_AVAILABLE,
  /** The reader has no more splits and never will: its input has ended. */
  END_OF_INPUT
}
