package io.eddy.runtime.rpc;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on threads of a shared pool: an endpoint's "main
 * thread" without a thread of its own. After {@link #shutdown()} new tasks are rejected.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean running;
  private boolean shutdown;

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (queue) {
      if (shutdown) {
        throw new RejectedExecutionException("The endpoint was shut down");
      }
      queue.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    pool.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      next.run(); // CompletableFuture tasks never throw; they complete their future
    }
  }

  void shutdown() {
    synchronized (queue) {
      shutdown = true;
    }
  }
}
