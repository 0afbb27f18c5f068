package io.eddy.runtime.operators;

import io.eddy.runtime.gateway.OperatorEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Sends events from an operator to its coordinator on the JobManager (a source reader's split
 * requests and registration to its split enumerator). The TaskManager binds it to the subtask
 * attempt and its vertex.
 *
 * <p>Called on the task thread (any thread is allowed); it does not block. The future completes
 * when the coordinator's side received the event, exceptionally if it could not be delivered; the
 * coordinator's answer, if any, comes back later as an operator event to the task.
 */
@FunctionalInterface
public interface OperatorEventGateway {
  CompletableFuture<Void> sendEventToCoordinator(OperatorEvent event);
}
