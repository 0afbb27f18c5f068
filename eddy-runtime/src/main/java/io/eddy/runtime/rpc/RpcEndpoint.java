package io.eddy.runtime.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A component whose state is confined to one logical "main thread", like an actor: gateway methods
 * hop onto it with {@link #runAsync}/{@link #callAsync} and return futures. The in-JVM transport
 * calls gateway methods directly; an RPC transport calls the same methods from its server threads,
 * so both run the same code. Endpoints share a pool of threads; each runs its work serially.
 */
public abstract class RpcEndpoint implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService SHARED_POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "eddy-rpc-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final SerialExecutor mainThread = new SerialExecutor(SHARED_POOL);
  private final String name;

  protected RpcEndpoint(String name) {
    this.name = name;
  }

  public String getEndpointName() {
    return name;
  }

  protected CompletableFuture<Void> runAsync(Runnable action) {
    try {
      return CompletableFuture.runAsync(action, mainThread);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " has shut down"));
    }
  }

  protected <T> CompletableFuture<T> callAsync(Supplier<T> action) {
    try {
      return CompletableFuture.supplyAsync(action, mainThread);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " has shut down"));
    }
  }

  /** Runs a function returning a future on the main thread, flattening the result. */
  protected <T> CompletableFuture<T> composeAsync(Supplier<CompletableFuture<T>> action) {
    return callAsync(action).thenCompose(f -> f);
  }

  /** Stops accepting work; work already queued still runs. */
  @Override
  public void close() {
    mainThread.shutdown();
  }
}
