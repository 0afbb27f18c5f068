package io.eddy.connector.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SplitFetcherTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  /** Takes everything the fetcher delivers, waiting on its availability future as a reader does. */
  private static List<Integer> drain(SplitFetcher<Integer> fetcher) {
    List<Integer> taken = new ArrayList<>();
    while (!fetcher.isDone()) {
      Integer next = fetcher.poll();
      if (next != null) {
        taken.add(next);
      } else {
        CompletableFuture<Void> available = new CompletableFuture<>();
        fetcher.notifyWhenAvailable(available);
        available.orTimeout(LONG.toSeconds(), TimeUnit.SECONDS).join();
      }
    }
    return taken;
  }

  @Test
  void everyElementArrivesInOrderThroughASmallQueue() {
    SplitFetcher<Integer> fetcher =
        new SplitFetcher<>(
            "test-fetcher",
            2,
            out -> {
              for (int i = 0; i < 1000; i++) {
                out.emit(i);
              }
            });
    fetcher.start();
    List<Integer> taken = drain(fetcher);
    assertThat(taken).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
    assertThat(fetcher.failure()).isNull();
    assertThat(fetcher.thread().isDaemon()).isTrue();
  }

  @Test
  void aFullQueueHoldsTheFetcherBack() throws Exception {
    CountDownLatch emittedThird = new CountDownLatch(1);
    SplitFetcher<Integer> fetcher =
        new SplitFetcher<>(
            "test-fetcher",
            2,
            out -> {
              out.emit(1);
              out.emit(2);
              out.emit(3); // blocks until the reader takes one
              emittedThird.countDown();
            });
    fetcher.start();
    await().atMost(LONG).until(() -> fetcher.thread().getState() == Thread.State.WAITING);
    assertThat(emittedThird.getCount()).isEqualTo(1);
    assertThat(fetcher.poll()).isEqualTo(1);
    emittedThird.await();
    assertThat(drain(fetcher)).containsExactly(2, 3);
  }

  @Test
  void aFailureEndsTheInputAfterWhatWasReadAndIsReported() {
    SplitFetcher<Integer> fetcher =
        new SplitFetcher<>(
            "test-fetcher",
            10,
            out -> {
              out.emit(7);
              throw new IllegalStateException("connection reset");
            });
    fetcher.start();
    assertThat(drain(fetcher)).containsExactly(7);
    assertThat(fetcher.failure()).hasMessage("connection reset");
  }

  @Test
  void closingCancelsABlockedTaskAndItsErrorIsNotAFailure() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    FetchTask<Integer> task =
        new FetchTask<>() {
          @Override
          public void run(FetchOutput<Integer> out) throws Exception {
            blocked.countDown();
            cancelled.await(); // as a blocking read would
            throw new IOException("socket closed");
          }

          @Override
          public void cancel() {
            cancelled.countDown();
          }
        };
    SplitFetcher<Integer> fetcher = new SplitFetcher<>("test-fetcher", 10, task);
    fetcher.start();
    blocked.await();
    fetcher.close();
    await().atMost(LONG).until(() -> !fetcher.thread().isAlive());
    assertThat(fetcher.isDone()).isTrue();
    assertThat(fetcher.failure()).isNull();
  }

  @Test
  void aFutureRegisteredAfterTheLastElementCompletesAtOnce() {
    SplitFetcher<Integer> fetcher = new SplitFetcher<>("test-fetcher", 10, out -> out.emit(1));
    fetcher.start();
    await().atMost(LONG).until(() -> !fetcher.thread().isAlive());
    CompletableFuture<Void> available = new CompletableFuture<>();
    fetcher.notifyWhenAvailable(available);
    assertThat(available).isDone();
    assertThat(fetcher.poll()).isEqualTo(1);
    assertThat(fetcher.isDone()).isTrue();
  }
}
