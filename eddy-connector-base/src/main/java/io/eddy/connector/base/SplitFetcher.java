package io.eddy.connector.base;

import io.eddy.api.annotation.PublicEvolving;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a {@link FetchTask} on a daemon thread of its own and hands what it reads to a source reader
 * through a bounded queue. The reader never blocks: it takes elements with {@link #poll()} and,
 * when there are none, registers a future with {@link #notifyWhenAvailable} that completes as soon
 * as an element is queued or the input ends. A full queue blocks the fetcher thread, so a slow job
 * slows the connection down instead of buffering without limit.
 *
 * <pre>
 *   fetcher thread:  task.run ──emit──▶ [bounded queue] ──poll──▶ reader (task thread)
 *                                 └── completes the registered future ──▶ mailbox wakes up
 * </pre>
 *
 * <p>Threading: {@link #start}, {@link #poll}, {@link #notifyWhenAvailable}, {@link #isDone} and
 * {@link #failure} are called by the one task thread; the fetcher thread only fills the queue and
 * completes the registered future. {@link #close} may be called from any thread.
 *
 * @param <E> the elements
 */
@PublicEvolving
public final class SplitFetcher<E> implements AutoCloseable {
  private final FetchTask<E> task;
  private final BlockingQueue<E> queue;
  private final Thread thread;

  private volatile CompletableFuture<Void> listener;
  private volatile boolean finished;
  private volatile Throwable failure;
  private volatile boolean closed;

  /**
   * @param threadName the fetcher thread's name (shows in thread dumps)
   * @param capacity how many elements may wait for the reader
   */
  public SplitFetcher(String threadName, int capacity, FetchTask<E> task) {
    this.task = task;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /** Starts the fetcher thread. */
  public void start() {
    thread.start();
  }

  /** The next element, or null if none is queued. */
  public E poll() {
    return queue.poll();
  }

  /** Whether the input ended (the task returned or failed) and every element was taken. */
  public boolean isDone() {
    return finished && queue.isEmpty();
  }

  /** Why the input ended early, or null. */
  public Throwable failure() {
    return failure;
  }

  /** Completes {@code future} as soon as an element is queued or the input ended (now, if so). */
  public void notifyWhenAvailable(CompletableFuture<Void> future) {
    listener = future;
    // Checked after registering: an element queued before the fetcher saw the new listener is
    // seen here, so no wake-up is lost.
    if (finished || !queue.isEmpty()) {
      future.complete(null);
    }
  }

  /** The fetcher thread (for tests and diagnostics). */
  public Thread thread() {
    return thread;
  }

  private void run() {
    try {
      task.run(new Output());
    } catch (InterruptedException e) {
      // closed while the queue was full or while the task waited
    } catch (Throwable t) {
      if (!closed) {
        failure = t;
      }
    } finally {
      finished = true;
      wakeUp();
    }
  }

  private void wakeUp() {
    CompletableFuture<Void> current = listener;
    if (current != null) {
      current.complete(null);
    }
  }

  /** Stops the fetcher: cancels the task, interrupts the thread and waits for it briefly. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    task.cancel();
    thread.interrupt();
    if (thread.isAlive() && thread != Thread.currentThread()) {
      thread.join(1000);
    }
  }

  private final class Output implements FetchOutput<E> {
    @Override
    public void emit(E element) throws InterruptedException {
      queue.put(element);
      wakeUp();
    }

    @Override
    public boolean isClosed() {
      return closed;
    }
  }
}
