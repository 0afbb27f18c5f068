package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;

/**
 * Time and timers for a process function. Timers are scoped to the current key: they exist only on
 * keyed streams, fire at most once per (key, timestamp) however often they are registered, and call
 * {@code onTimer} with that key as the current key. Event-time timers fire when the watermark
 * reaches their timestamp, in timestamp order; processing-time timers when the task's clock does.
 *
 * <p>All methods must be called from the function's own calls ({@code processElement}, {@code
 * onTimer}): they run on the task thread and are not thread safe.
 */
@PublicEvolving
public interface TimerService {
  /** Message of the error thrown when timers are used on a non-keyed stream. */
  String UNSUPPORTED_REGISTER_TIMER_MSG =
      "Timers need a keyed stream: apply keyBy(...) before process(...) to register or delete"
          + " timers.";

  /** The task's current processing time, in milliseconds. */
  long currentProcessingTime();

  /** The current event-time watermark of this operator (Long.MIN_VALUE before the first). */
  long currentWatermark();

  /** Registers a timer that fires when the processing time reaches {@code time}. */
  void registerProcessingTimeTimer(long time);

  /** Registers a timer that fires when the watermark reaches {@code time}. */
  void registerEventTimeTimer(long time);

  /** Deletes the processing-time timer of the current key at {@code time}, if there is one. */
  void deleteProcessingTimeTimer(long time);

  /** Deletes the event-time timer of the current key at {@code time}, if there is one. */
  void deleteEventTimeTimer(long time);
}
