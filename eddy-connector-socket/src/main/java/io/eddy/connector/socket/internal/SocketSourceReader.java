package io.eddy.connector.socket.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.connector.base.SplitFetcher;
import io.eddy.connector.socket.SocketSplit;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Emits the lines that a {@link SplitFetcher} running a {@link SocketLineTask} receives for the
 * reader's one {@link SocketSplit}. Never blocks: with no line buffered it returns
 * NOTHING_AVAILABLE and the fetcher completes the availability future when lines arrive. Ends when
 * the server closed the connection and the enumerator signalled no more splits.
 *
 * <p>Threading: task thread only, like every {@link SourceReader}.
 */
@Internal
public final class SocketSourceReader implements SourceReader<String, SocketSplit> {
  private static final int BATCH_SIZE = 512;

  /** Lines buffered between the socket and the reader. */
  static final int QUEUE_CAPACITY = 1024;

  private final SourceReaderContext context;
  private final char delimiter;
  private final int maxRetries;

  private SocketSplit split;
  private SplitFetcher<String> fetcher;
  private boolean splitDone;
  private boolean splitRequested;
  private boolean noMoreSplits;
  private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

  public SocketSourceReader(SourceReaderContext context, char delimiter, int maxRetries) {
    this.context = context;
    this.delimiter = delimiter;
    this.maxRetries = maxRetries;
  }

  @Override
  public void start() {
    if (split == null) {
      splitRequested = true;
      context.sendSplitRequest();
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<String> output) throws Exception {
    if (fetcher == null || splitDone) {
      return waitForSplitOrEnd();
    }
    int emitted = 0;
    String line;
    while (emitted < BATCH_SIZE && (line = fetcher.poll()) != null) {
      output.collect(line);
      emitted++;
    }
    if (emitted > 0) {
      return InputStatus.MORE_AVAILABLE;
    }
    if (fetcher.isDone()) {
      Throwable failure = fetcher.failure();
      if (failure != null) {
        throw new IOException(
            "Socket source "
                + split.host()
                + ":"
                + split.port()
                + " failed: "
                + failure.getMessage(),
            failure);
      }
      splitDone = true;
      fetcher.close();
      return waitForSplitOrEnd();
    }
    available = new CompletableFuture<>();
    fetcher.notifyWhenAvailable(available);
    return InputStatus.NOTHING_AVAILABLE;
  }

  private InputStatus waitForSplitOrEnd() {
    if (noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    if (available.isDone()) {
      available = new CompletableFuture<>();
    }
    if (!splitRequested) {
      splitRequested = true;
      context.sendSplitRequest();
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<SocketSplit> splits) {
    splitRequested = false;
    if (split == null && !splits.isEmpty()) {
      split = splits.get(0);
      fetcher =
          new SplitFetcher<>(
              "eddy-socket-source-" + split.host() + ":" + split.port(),
              QUEUE_CAPACITY,
              new SocketLineTask(split.host(), split.port(), delimiter, maxRetries));
      fetcher.start();
    }
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  /**
   * The split while it is being read, without a position (a socket cannot be rewound): a reader
   * restored from it connects anew and reads what the server sends from then on (no replay).
   */
  @Override
  public List<SocketSplit> snapshotState(long checkpointId) {
    return split == null || splitDone ? List.of() : List.of(split);
  }

  @Override
  public void close() throws Exception {
    if (fetcher != null) {
      fetcher.close();
    }
  }

  SplitFetcher<String> fetcher() {
    return fetcher;
  }
}
