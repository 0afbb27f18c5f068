package io.eddy.runtime.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A component whose state is confined to one "main thread", like an actor: gateway methods hop onto
 * it with {@link #runAsync}/{@link #callAsync} and return futures. The in-JVM transport calls
 * gateway methods directly; an RPC transport calls the same methods from its server threads, so
 * both run the same code.
 */
public abstract class RpcEndpoint implements AutoCloseable {
  private final ExecutorService mainThread;
  private final String name;

  protected RpcEndpoint(String name) {
    this.name = name;
    this.mainThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  public String getEndpointName() {
    return name;
  }

  protected CompletableFuture<Void> runAsync(Runnable action) {
    return CompletableFuture.runAsync(action, mainThread);
  }

  protected <T> CompletableFuture<T> callAsync(Supplier<T> action) {
    return CompletableFuture.supplyAsync(action, mainThread);
  }

  /** Runs a function returning a future on the main thread, flattening the result. */
  protected <T> CompletableFuture<T> composeAsync(Supplier<CompletableFuture<T>> action) {
    return CompletableFuture.supplyAsync(action, mainThread).thenCompose(f -> f);
  }

  @Override
  public void close() {
    mainThread.shutdown();
    try {
      mainThread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
