package io.eddy.runtime.state.timers;

import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.time.Clock;
import io.eddy.runtime.time.ProcessingTimeService;

/**
 * Event-time and processing-time timers of one keyed operator, per (key, timestamp) and
 * deduplicated, kept per key group ({@link KeyGroupedTimerQueue}).
 *
 * <p>Event-time timers fire in timestamp order when {@link #advanceWatermark} passes them.
 * Processing-time timers fire in timestamp order when the task's clock passes them: the service
 * keeps one physical timer on the {@link ProcessingTimeService}, for the earliest timestamp, and it
 * runs as a mail. Before each firing the timer's key becomes the current key.
 *
 * <p>Threading: task thread only (elements, watermarks and timer mails all run there); no locks.
 */
public final class InternalTimerService<K> {
  /** Names of the timer queues in keyed state snapshots. */
  public static final String EVENT_TIME_QUEUE = "event-time";

  public static final String PROCESSING_TIME_QUEUE = "processing-time";

  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final ProcessingTimeService processingTimeService;
  private final Triggerable<K> target;
  private final KeyedStateBackend<K> keyContext;
  private final KeyGroupedTimerQueue<K> eventTimeTimers;
  private final KeyGroupedTimerQueue<K> processingTimeTimers;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;
  private Clock.Cancellable scheduledTimer;

  /**
   * @param keyGroupRange the subtask's key groups
   * @param maxParallelism the number of key groups of the job
   * @param processingTimeService where the processing-time timer is scheduled
   * @param target receives the firing timers
   * @param keyContext the operator's keyed state, whose current key the service sets before each
   *     firing; timers of that key reuse the key group it computed
   */
  public InternalTimerService(
      KeyGroupRange keyGroupRange,
      int maxParallelism,
      ProcessingTimeService processingTimeService,
      Triggerable<K> target,
      KeyedStateBackend<K> keyContext) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.processingTimeService = processingTimeService;
    this.target = target;
    this.keyContext = keyContext;
    this.eventTimeTimers = new KeyGroupedTimerQueue<>(keyGroupRange.size());
    this.processingTimeTimers = new KeyGroupedTimerQueue<>(keyGroupRange.size());
  }

  public long currentWatermark() {
    return currentWatermark;
  }

  public long currentProcessingTime() {
    return processingTimeService.getCurrentProcessingTime();
  }

  public void registerEventTimeTimer(K key, long time) {
    registerEventTimeTimer(key, null, time);
  }

  public void deleteEventTimeTimer(K key, long time) {
    deleteEventTimeTimer(key, null, time);
  }

  public void registerProcessingTimeTimer(K key, long time) {
    registerProcessingTimeTimer(key, null, time);
  }

  /**
   * Registers the event-time timer of {@code key} in {@code namespace} (e.g. a window; null: none).
   * Timers of different namespaces are different timers.
   */
  public void registerEventTimeTimer(K key, Object namespace, long time) {
    eventTimeTimers.add(time, key, namespace, keyGroupIndex(key));
  }

  public void deleteEventTimeTimer(K key, Object namespace, long time) {
    eventTimeTimers.remove(time, key, namespace, keyGroupIndex(key));
  }

  public void registerProcessingTimeTimer(K key, Object namespace, long time) {
    if (processingTimeTimers.add(time, key, namespace, keyGroupIndex(key))
        && time < scheduledProcessingTime) {
      schedule(time);
    }
  }

  public void deleteProcessingTimeTimer(K key, Object namespace, long time) {
    processingTimeTimers.remove(time, key, namespace, keyGroupIndex(key));
  }

  /**
   * Deletes the timer; the physical timer stays scheduled and finds nothing to fire, which is
   * cheaper than rescheduling.
   */
  public void deleteProcessingTimeTimer(K key, long time) {
    processingTimeTimers.remove(time, key, keyGroupIndex(key));
  }

  /** Whether the event-time timer of {@code key} in {@code namespace} at {@code time} exists. */
  public boolean hasEventTimeTimer(K key, Object namespace, long time) {
    return eventTimeTimers.contains(time, key, namespace, keyGroupIndex(key));
  }

  public boolean hasProcessingTimeTimer(K key, Object namespace, long time) {
    return processingTimeTimers.contains(time, key, namespace, keyGroupIndex(key));
  }

  /** Fires the event-time timers at or before {@code watermark}, in timestamp order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    InternalTimer<K> timer;
    while ((timer = eventTimeTimers.peek()) != null && timer.getTimestamp() <= watermark) {
      eventTimeTimers.poll();
      keyContext.setCurrentKey(timer.getKey());
      target.onEventTime(timer);
    }
  }

  /** Number of event-time and processing-time timers (for tests and metrics). */
  public int numEventTimeTimers() {
    return eventTimeTimers.size();
  }

  public int numProcessingTimeTimers() {
    return processingTimeTimers.size();
  }

  /** The event-time timers, per key group; for snapshots. */
  public KeyGroupedTimerQueue<K> eventTimeTimers() {
    return eventTimeTimers;
  }

  /** The processing-time timers, per key group; for snapshots. */
  public KeyGroupedTimerQueue<K> processingTimeTimers() {
    return processingTimeTimers;
  }

  /** Schedules the earliest processing-time timer, after timers were added by a restore. */
  public void scheduleEarliestProcessingTimer() {
    InternalTimer<K> earliest = processingTimeTimers.peek();
    if (earliest != null && earliest.getTimestamp() < scheduledProcessingTime) {
      schedule(earliest.getTimestamp());
    }
  }

  private void schedule(long time) {
    if (scheduledTimer != null) {
      scheduledTimer.cancel();
    }
    scheduledProcessingTime = time;
    scheduledTimer = processingTimeService.registerTimer(time, this::onProcessingTime);
  }

  /** The physical timer fired (a mail): fire what is due, then schedule the next one. */
  private void onProcessingTime(long time) throws Exception {
    scheduledTimer = null;
    scheduledProcessingTime = Long.MAX_VALUE;
    InternalTimer<K> timer;
    while ((timer = processingTimeTimers.peek()) != null && timer.getTimestamp() <= time) {
      processingTimeTimers.poll();
      keyContext.setCurrentKey(timer.getKey());
      target.onProcessingTime(timer);
    }
    if (timer != null && timer.getTimestamp() < scheduledProcessingTime) {
      schedule(timer.getTimestamp());
    }
  }

  private int keyGroupIndex(K key) {
    if (key == null) {
      throw new IllegalStateException(
          "No current key: timers can be registered only while a keyed element or timer is"
              + " processed.");
    }
    if (key == keyContext.getCurrentKey()) {
      // operators register timers of the current key (per element): the backend hashed it already
      return keyContext.getCurrentKeyGroupIndex();
    }
    return KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism) - keyGroupRange.start();
  }
}
