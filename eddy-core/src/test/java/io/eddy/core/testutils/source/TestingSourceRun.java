package io.eddy.core.testutils.source;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceSplit;
import io.eddy.api.connector.source.SplitEnumerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bounded source in the test thread: one enumerator and several readers, delivering split
 * requests and assignments between them like the runtime does (asynchronously, between polls).
 * Reader {@code i} gets {@code pollsPerRound[i]} polls per round, so readers can be fast or slow.
 */
public final class TestingSourceRun<T, SplitT extends SourceSplit> {
  public final TestingSplitEnumeratorContext<SplitT> enumContext;
  public final SplitEnumerator<SplitT, ?> enumerator;
  public final List<SourceReader<T, SplitT>> readers = new ArrayList<>();
  public final List<TestingSourceReaderContext> readerContexts = new ArrayList<>();
  public final List<TestingReaderOutput<T>> outputs = new ArrayList<>();
  private final int[] requestsDelivered;
  private final boolean[] noMoreDelivered;
  private final boolean[] ended;

  public TestingSourceRun(Source<T, SplitT, ?> source, int parallelism) throws Exception {
    enumContext = new TestingSplitEnumeratorContext<>(parallelism);
    enumerator = source.createEnumerator(enumContext);
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      TestingSourceReaderContext context = new TestingSourceReaderContext(i, parallelism);
      SourceReader<T, SplitT> reader = source.createReader(context);
      reader.start();
      enumerator.addReader(i);
      readers.add(reader);
      readerContexts.add(context);
      outputs.add(new TestingReaderOutput<>());
    }
    requestsDelivered = new int[parallelism];
    noMoreDelivered = new boolean[parallelism];
    ended = new boolean[parallelism];
  }

  /** Runs rounds until every reader reached END_OF_INPUT; fails after {@code maxRounds}. */
  public void runToEnd(int[] pollsPerRound, int maxRounds) throws Exception {
    for (int round = 0; round < maxRounds; round++) {
      boolean allEnded = true;
      for (int i = 0; i < readers.size(); i++) {
        for (int p = 0; p < pollsPerRound[i] && !ended[i]; p++) {
          deliver(i);
          SourceReader<T, SplitT> reader = readers.get(i);
          if (reader.isAvailable().isDone()
              && reader.pollNext(outputs.get(i)) == InputStatus.END_OF_INPUT) {
            ended[i] = true;
          }
        }
        allEnded &= ended[i];
      }
      if (allEnded) {
        return;
      }
    }
    throw new AssertionError("Source did not end within " + maxRounds + " rounds");
  }

  /** All records emitted by all readers. */
  public List<T> allRecords() {
    List<T> all = new ArrayList<>();
    outputs.forEach(o -> all.addAll(o.records()));
    return all;
  }

  private void deliver(int subtask) {
    TestingSourceReaderContext context = readerContexts.get(subtask);
    while (requestsDelivered[subtask] < context.splitRequests()) {
      requestsDelivered[subtask]++;
      enumerator.handleSplitRequest(subtask);
    }
    List<SplitT> splits = enumContext.takeUndelivered(subtask);
    if (!splits.isEmpty()) {
      readers.get(subtask).addSplits(splits);
    }
    if (enumContext.noMoreSplitsSignalled(subtask) && !noMoreDelivered[subtask]) {
      noMoreDelivered[subtask] = true;
      readers.get(subtask).notifyNoMoreSplits();
    }
  }
}
