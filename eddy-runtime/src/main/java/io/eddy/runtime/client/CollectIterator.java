package io.eddy.runtime.client;

import io.eddy.api.CloseableIterator;
import io.eddy.api.JobClient;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Iterates a collect sink's records on the client by fetching serialized batches. {@link
 * #hasNext()} blocks until a record arrives or the job ends; a failed job surfaces as the exception
 * that failed it.
 */
final class CollectIterator<T> implements CloseableIterator<T> {
  private final JobClient client;
  private final Supplier<CompletableFuture<byte[]>> fetch;
  private final TypeSerializer<T> serializer;
  private final DataInputDeserializer input = new DataInputDeserializer();
  private boolean ended;

  CollectIterator(
      JobClient client, Supplier<CompletableFuture<byte[]>> fetch, TypeSerializer<T> serializer) {
    this.client = client;
    this.fetch = fetch;
    this.serializer = serializer.duplicate();
  }

  @Override
  public boolean hasNext() {
    while (!ended && input.available() == 0) {
      byte[] batch;
      try {
        batch = fetch.get().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for results", e);
      } catch (ExecutionException e) {
        ended = true;
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      }
      if (batch == null) {
        ended = true;
        // Surface a failure that ended the job after the last batch.
        client.getJobExecutionResult().join();
      } else {
        input.setBuffer(batch, 0, batch.length);
      }
    }
    return !ended || input.available() > 0;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      return serializer.deserialize(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (!ended) {
      ended = true;
      client.cancel();
    }
  }
}
