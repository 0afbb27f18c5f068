package io.eddy.runtime.scheduler;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Batches from a collect sink waiting for the client. Bounded: an offer beyond {@code maxBytes}
 * completes only when the client has fetched enough. Confined to the JobMaster thread.
 */
public final class CollectBuffer {
  private final long maxBytes;
  private final ArrayDeque<byte[]> batches = new ArrayDeque<>();
  private final ArrayDeque<PendingOffer> pendingOffers = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<byte[]>> fetchers = new ArrayDeque<>();
  private long bytes;
  private boolean ended;
  private Throwable failure;

  private record PendingOffer(byte[] batch, CompletableFuture<Void> accepted) {}

  public CollectBuffer(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public CompletableFuture<Void> offer(byte[] batch) {
    CompletableFuture<byte[]> fetcher = fetchers.poll();
    if (fetcher != null) {
      fetcher.complete(batch);
      return CompletableFuture.completedFuture(null);
    }
    if (bytes + batch.length <= maxBytes || batches.isEmpty()) {
      batches.add(batch);
      bytes += batch.length;
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    pendingOffers.add(new PendingOffer(batch, accepted));
    return accepted;
  }

  public CompletableFuture<byte[]> fetch() {
    byte[] batch = batches.poll();
    if (batch != null) {
      bytes -= batch.length;
      admitPending();
      return CompletableFuture.completedFuture(batch);
    }
    PendingOffer pending = pendingOffers.poll();
    if (pending != null) {
      pending.accepted().complete(null);
      return CompletableFuture.completedFuture(pending.batch());
    }
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    if (ended) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    fetchers.add(f);
    return f;
  }

  private void admitPending() {
    while (!pendingOffers.isEmpty() && bytes + pendingOffers.peek().batch().length <= maxBytes) {
      PendingOffer p = pendingOffers.poll();
      batches.add(p.batch());
      bytes += p.batch().length;
      p.accepted().complete(null);
    }
  }

  /** The job ended: fetchers get what is left, then null (or the failure). */
  public void end(Throwable jobFailure) {
    ended = true;
    failure = jobFailure;
    CompletableFuture<byte[]> f;
    while ((f = fetchers.poll()) != null) {
      if (jobFailure != null) {
        f.completeExceptionally(jobFailure);
      } else {
        f.complete(null);
      }
    }
    // Offers still pending belong to tasks that are gone; release them.
    PendingOffer p;
    while ((p = pendingOffers.poll()) != null) {
      p.accepted().complete(null);
    }
  }
}
