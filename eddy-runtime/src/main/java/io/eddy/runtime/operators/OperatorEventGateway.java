package io.eddy.runtime.operators;

import io.eddy.runtime.gateway.OperatorEvent;
import java.util.concurrent.CompletableFuture;

/** Sends events from an operator to its coordinator on the JobManager. Any thread. */
public interface OperatorEventGateway {
  CompletableFuture<Void> sendEventToCoordinator(OperatorEvent event);
}
