package io.eddy.runtime.ha;

/**
 * A job's checkpoint ids: each call gives a new one, larger than every id given before, also by an
 * earlier leader. Called on the JobMaster's main thread; may block briefly.
 */
public interface CheckpointIdCounter {
  /** The next id, never given out before. */
  long getAndIncrement();

  /** The id the next call of {@link #getAndIncrement()} gives, at least. */
  long get();

  /** Raises the counter to at least {@code next} (e.g. above a restored checkpoint's id). */
  void setAtLeast(long next);

  /** A counter in this process, starting at {@code first}. */
  static CheckpointIdCounter inMemory(long first) {
    return new CheckpointIdCounter() {
      private long next = first;

      @Override
      public synchronized long getAndIncrement() {
        return next++;
      }

      @Override
      public synchronized long get() {
        return next;
      }

      @Override
      public synchronized void setAtLeast(long n) {
        next = Math.max(next, n);
      }
    };
  }
}
