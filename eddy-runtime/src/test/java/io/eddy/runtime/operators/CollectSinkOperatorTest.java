package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.types.serializers.LongSerializer;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.MailboxProcessor;
import io.eddy.runtime.task.TaskMailbox;
import io.eddy.runtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The collect sink on a mailbox loop driven as its task drives it: while the port has not accepted
 * a batch, the sink pauses the input and the task thread goes back to its mailbox (a mail posted
 * meanwhile runs) instead of blocking; it goes on once the batch is accepted, and at the end it
 * waits the same way for the last batch.
 */
class CollectSinkOperatorTest {
  /** 8-byte longs: three full batches and a partial one. */
  private static final int RECORDS = 3 * CollectSinkOperator.BATCH_BYTES / 8 + 100;

  private final TestingCollectResultsPort port = new TestingCollectResultsPort();
  private final CollectSinkOperator<Long> sink =
      new CollectSinkOperator<>("collect-1", LongSerializer.INSTANCE, port);
  private final TaskMailbox mailbox = new TaskMailbox();
  private final SinkTask task = new SinkTask();
  private Thread taskThread;

  @AfterEach
  void stopTask() throws InterruptedException {
    if (taskThread != null) {
      mailbox.put(task.processor::stop, "stop");
      taskThread.join();
    }
  }

  @Test
  void anInputStepThatEmitsMoreThanTheBoundWaitsForTheClient() throws Exception {
    setUpSink();
    int perBatch = CollectSinkOperator.BATCH_BYTES / 8;
    int records = (CollectSinkOperator.MAX_QUEUED_BATCHES + 2) * perBatch;
    // one input step (e.g. a final watermark firing windows) emitting records on a task thread
    Thread step =
        new Thread(
            () -> {
              try {
                for (long i = 0; i < records; i++) {
                  sink.processElement(new StreamRecord<>(i));
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "input step");
    step.start();
    List<Long> received = new ArrayList<>();
    Offer first = port.offers.take();
    await().atMost(Duration.ofSeconds(30)).until(() -> step.getState() == Thread.State.WAITING);
    assertThat(step.isAlive()).as("the step waits for the client").isTrue();
    assertThat(port.offers).as("nothing more is offered while the first batch waits").isEmpty();
    received.addAll(read(first));
    first.accepted.complete(null);
    while (step.isAlive() || !port.offers.isEmpty()) {
      Offer offer = port.offers.poll(100, TimeUnit.MILLISECONDS);
      if (offer != null) {
        received.addAll(read(offer));
        offer.accepted.complete(null);
      }
    }
    assertThat(sink.queuedBatches()).isLessThan(CollectSinkOperator.MAX_QUEUED_BATCHES);
    int sent = received.size();
    assertThat(sent).isGreaterThanOrEqualTo(2 * perBatch);
    for (int i = 0; i < sent; i++) {
      assertThat(received.get(i)).isEqualTo((long) i);
    }
  }

  @Test
  void theTaskTakesMailsWhileTheClientIsSlowAndContinuesWhenItAccepts() throws Exception {
    startTask();
    List<Long> received = new ArrayList<>();
    for (int batch = 0; batch < 3; batch++) {
      Offer offer = port.offers.take();
      task.paused.join(); // the sink paused the input: the loop sleeps on its mailbox
      int processedWhilePaused = runMailAndGetProcessed();
      assertThat(offer.accepted).isNotDone();
      assertThat(runMailAndGetProcessed())
          .as("no input is taken while a full batch waits")
          .isEqualTo(processedWhilePaused);
      task.paused = new CompletableFuture<>();
      received.addAll(read(offer));
      offer.accepted.complete(null);
    }
    Offer last = port.offers.take(); // sent at the end of input
    runMailAndGetProcessed(); // the task still takes mails while it waits for the last batch
    assertThat(task.done).isNotDone();
    received.addAll(read(last));
    last.accepted.complete(null);
    task.done.join();

    assertThat(port.offers).isEmpty();
    assertThat(received).hasSize(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      assertThat(received.get(i)).isEqualTo((long) i);
    }
  }

  @Test
  void aBatchThatCannotBeDeliveredFailsTheTask() throws Exception {
    startTask();
    Offer offer = port.offers.take();
    offer.accepted.completeExceptionally(new IllegalStateException("client gone"));
    assertThatThrownBy(task.done::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("client gone");
  }

  private void startTask() {
    setUpSink();
    taskThread = new Thread(task::run, "collect sink task");
    taskThread.start();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void setUpSink() {
    StreamingRuntimeContext context =
        new StreamingRuntimeContext(
            "job", "task", 0, 1, 128, 0, getClass().getClassLoader(), new HashMap<>());
    ((StreamOperator) sink)
        .setup(
            new OperatorSetup(
                "collect",
                new DiscardingOutput<>(),
                context.forOperator("collect", null),
                null,
                null,
                new MailboxProcessingTimeService(new ManualClock(0), new TaskMailbox()),
                null));
    sink.open(); // its flush timer runs on a manual clock that is never advanced
  }

  /** Runs a mail on the task thread and returns how many records the sink had taken by then. */
  private int runMailAndGetProcessed() {
    CompletableFuture<Integer> processed = new CompletableFuture<>();
    mailbox.put(() -> processed.complete(task.next), "probe");
    return processed.join();
  }

  private static List<Long> read(Offer offer) throws Exception {
    List<Long> values = new ArrayList<>();
    DataInputDeserializer in = new DataInputDeserializer(offer.batch);
    while (in.available() > 0) {
      values.add(LongSerializer.INSTANCE.deserialize(in));
    }
    return values;
  }

  /** The part of StreamTask's default action that concerns a pausing operator. */
  private final class SinkTask {
    final MailboxProcessor processor = new MailboxProcessor(mailbox, this::step);
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile CompletableFuture<Void> paused = new CompletableFuture<>();
    volatile int next;
    private boolean finished;

    void run() {
      try {
        processor.runMailboxLoop();
        sink.close();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }

    private void step(MailboxProcessor.Controller controller) throws Exception {
      if (!sink.tryProgress()) {
        controller.suspendUntil(sink.getAvailableFuture());
        paused.complete(null);
        return;
      }
      if (finished) {
        controller.allActionsCompleted();
      } else if (next < RECORDS) {
        sink.processElement(new StreamRecord<>((long) next++));
      } else {
        sink.finish();
        finished = true;
      }
    }
  }

  private record Offer(byte[] batch, CompletableFuture<Void> accepted) {}

  /** A client that accepts a batch only when the test says so. */
  private static final class TestingCollectResultsPort implements CollectResultsPort {
    final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<Void> offer(String collectId, byte[] batch) {
      assertThat(collectId).isEqualTo("collect-1");
      Offer offer = new Offer(batch, new CompletableFuture<>());
      offers.add(offer);
      return offer.accepted;
    }
  }
}
