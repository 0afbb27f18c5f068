package io.eddy.runtime.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to, for deterministic tests of processing time:
 *
 * <pre>{@code
 * static final ManualClock CLOCK = new ManualClock(1_000);
 * @RegisterExtension
 * static final MiniClusterExtension CLUSTER =
 *     new MiniClusterExtension(MiniClusterConfig.withSlots(4).withClock(CLOCK));
 * ...
 * CLOCK.advance(Duration.ofSeconds(1)); // timers due by then are handed to their tasks as mails
 * }</pre>
 *
 * {@link #advance} runs the due actions in time order (equal times in scheduling order), setting
 * the time to each action's time while it runs, and actions scheduled meanwhile for a time within
 * the advance run too; so a periodic timer fires once per period passed. In a task an action only
 * enqueues a mail: when {@code advance} returns the timer callbacks are queued on their tasks, not
 * necessarily run yet. Thread safe.
 */
public final class ManualClock implements Clock {
  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  /** A clock at {@code startMillis}. */
  public ManualClock(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public synchronized long currentTimeMillis() {
    return now;
  }

  @Override
  public Cancellable schedule(long timeMillis, Runnable action) {
    Scheduled s;
    synchronized (this) {
      s = new Scheduled(timeMillis, seq++, action);
      if (timeMillis > now) {
        queue.add(s);
        return () -> cancel(s);
      }
    }
    action.run(); // already due; runs outside the lock
    return () -> {};
  }

  private synchronized void cancel(Scheduled s) {
    queue.remove(s);
  }

  /** Moves the time forward by {@code duration}, running every action that becomes due. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A clock does not go back: " + duration);
    }
    long target;
    synchronized (this) {
      target = now + duration.toMillis();
    }
    advanceTo(target);
  }

  /** Moves the time forward to {@code timeMillis}; see {@link #advance}. */
  public void advanceTo(long timeMillis) {
    while (true) {
      Scheduled next;
      synchronized (this) {
        if (timeMillis < now) {
          throw new IllegalArgumentException(
              "A clock does not go back: " + timeMillis + " < " + now);
        }
        next = queue.peek();
        if (next == null || next.time > timeMillis) {
          now = timeMillis;
          return;
        }
        queue.poll();
        now = next.time;
      }
      next.action.run();
    }
  }

  /** Number of actions waiting for a later time (for tests). */
  public synchronized int pendingActions() {
    return queue.size();
  }

  /** The times of the waiting actions, in order (for diagnostics). */
  public synchronized List<Long> pendingTimes() {
    List<Long> times = new ArrayList<>();
    queue.stream().map(s -> s.time).sorted().forEach(times::add);
    return times;
  }

  private record Scheduled(long time, long seq, Runnable action) {}
}
