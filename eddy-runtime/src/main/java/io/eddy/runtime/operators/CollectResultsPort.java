package io.eddy.runtime.operators;

import java.util.concurrent.CompletableFuture;

/**
 * Where collect sinks ({@code executeAndCollect}) hand their batches of serialized records, on the
 * way to the client through the JobMaster.
 *
 * <p>Called on the task thread. It must not block: it sends the batch and returns a future.
 *
 * <p>The future completes when the batch was accepted and the client has room for more; until then
 * the sink sends nothing else, which is how a slow client backpressures the job. It completes
 * exceptionally if the batch could not be delivered, and the sink then fails its task. It may
 * complete on any thread, so the sink only checks it on the task thread and waits for it through
 * the task's mailbox (see {@link PausingOperator}), never by blocking.
 */
@FunctionalInterface
public interface CollectResultsPort {
  /** Offers one batch of collect sink {@code collectId}, in the order the sink produced them. */
  CompletableFuture<Void> offer(String collectId, byte[] batch);
}
