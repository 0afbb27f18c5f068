package io.eddy.runtime.source;

import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * Runs a source's {@link SplitEnumerator} on the JobManager, on a thread of its own (so slow split
 * discovery never blocks the JobMaster), and relays events between it and the readers.
 */
public final class SourceCoordinator<SplitT extends SourceSplit, C> implements AutoCloseable {
  private final String operatorName;
  private final Source<?, SplitT, C> source;
  private final int parallelism;
  private final BiConsumer<Integer, OperatorEvent> sendToSubtask;
  private final ExecutorService executor;
  private SplitEnumerator<SplitT, C> enumerator;
  private SimpleVersionedSerializer<SplitT> splitSerializer;

  /**
   * @param sendToSubtask delivers an event to the current attempt of a reader subtask
   * @param onFailure told when the enumerator throws (fails the job)
   */
  public SourceCoordinator(
      String operatorName,
      Source<?, SplitT, C> source,
      int parallelism,
      BiConsumer<Integer, OperatorEvent> sendToSubtask,
      java.util.function.Consumer<Throwable> onFailure) {
    this.operatorName = operatorName;
    this.source = source;
    this.parallelism = parallelism;
    this.sendToSubtask = sendToSubtask;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "source-coordinator-" + operatorName);
              t.setDaemon(true);
              t.setUncaughtExceptionHandler((th, e) -> onFailure.accept(e));
              return t;
            });
  }

  /** Creates and starts the enumerator; fails if the source cannot start (e.g. missing input). */
  public CompletableFuture<Void> start() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            splitSerializer = source.getSplitSerializer();
            enumerator = source.createEnumerator(new Context());
            enumerator.start();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        },
        executor);
  }

  /** An event from reader {@code subtask}. */
  public CompletableFuture<Void> handleEvent(int subtask, OperatorEvent event) {
    return CompletableFuture.runAsync(
        () -> {
          if (event instanceof OperatorEvent.SplitRequest) {
            enumerator.handleSplitRequest(subtask);
          } else if (event instanceof OperatorEvent.ReaderRegistration) {
            enumerator.addReader(subtask);
          } else {
            throw new IllegalArgumentException(
                "Unexpected event for " + operatorName + ": " + event);
          }
        },
        executor);
  }

  @Override
  public void close() throws Exception {
    executor.submit(
        () -> {
          if (enumerator != null) {
            enumerator.close();
          }
          return null;
        });
    executor.shutdown();
  }

  private final class Context implements SplitEnumeratorContext<SplitT> {
    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public void assignSplit(SplitT split, int subtaskId) {
      try {
        byte[] bytes = splitSerializer.serialize(split);
        sendToSubtask.accept(
            subtaskId, new OperatorEvent.AddSplits(splitSerializer.getVersion(), List.of(bytes)));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not serialize split " + split.splitId(), e);
      }
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      sendToSubtask.accept(subtaskId, new OperatorEvent.NoMoreSplits());
    }
  }
}
