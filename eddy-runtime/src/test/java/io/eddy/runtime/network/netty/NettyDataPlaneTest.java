package io.eddy.runtime.network.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.partition.PartitionRegistry;
import io.eddy.runtime.network.partition.ResultPartition;
import io.eddy.runtime.network.partition.ResultPartitionId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data plane over real loopback sockets: one producer TaskManager, one consumer. */
class NettyDataPlaneTest {
  private static final int SEGMENT = 1024;
  private static final ResultPartitionId ID = new ResultPartitionId("producer-attempt", 0);

  private final PartitionRegistry producerRegistry = new PartitionRegistry();
  private final NetworkBufferPool producerMemory = new NetworkBufferPool(64, SEGMENT);
  private final NetworkBufferPool consumerMemory = new NetworkBufferPool(64, SEGMENT);
  private NettyDataPlane producerSide;
  private NettyDataPlane consumerSide;
  private ResultPartition partition;
  private RemoteInputChannel channel;
  private InputGate gate;

  @BeforeEach
  void start() {
    producerSide =
        new NettyDataPlane(
            "127.0.0.1", 0, producerRegistry, "tm-producer", Duration.ofMillis(300), 2);
    consumerSide = NettyDataPlane.start("127.0.0.1", new PartitionRegistry(), "tm-consumer");
    partition = new ResultPartition(ID, 1, producerMemory.createLocalPool(4));
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.release();
    }
    consumerSide.close();
    producerSide.close();
  }

  private void connect(ResultPartitionId id) {
    channel =
        (RemoteInputChannel)
            consumerSide.createRemoteChannel(producerSide.address(), id, 0, consumerMemory);
    gate = new InputGate(List.of(channel));
    gate.start();
  }

  private Buffer next() throws Exception {
    while (true) {
      InputGate.BufferAndChannel b = gate.pollNext();
      if (b != null) {
        return b.buffer();
      }
      gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void addData(int value) throws InterruptedException {
    Buffer b = partition.getBufferPool().requestBufferBlocking();
    ByteBuffer.wrap(b.memory()).putInt(value);
    b.setSize(4);
    partition.getSubpartition(0).add(b);
  }

  private static Buffer event(byte code) {
    Buffer e = new Buffer(new byte[] {code, 42}, Buffer -> {});
    e.setSize(2);
    e.setEvent(true);
    return e;
  }

  private static int value(Buffer b) {
    return ByteBuffer.wrap(b.memory()).getInt();
  }

  @Test
  void buffersAndEventsArriveInOrderAndTheProducerMayRegisterLate() throws Exception {
    connect(ID); // asks before the producer registers
    producerRegistry.register(partition);
    Thread producer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 200; i++) {
                  addData(i);
                  if (i % 50 == 0) {
                    partition.getSubpartition(0).add(event((byte) 1));
                  }
                }
                partition.getSubpartition(0).add(event((byte) 0));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    producer.start();
    int expected = 0;
    int events = 0;
    while (true) {
      Buffer b = next();
      if (b.isEvent()) {
        byte code = b.memory()[0];
        b.recycle();
        if (code == 0) {
          break;
        }
        assertThat((expected - 1) % 50).as("an event stays behind the buffer before it").isZero();
        events++;
        continue;
      }
      assertThat(value(b)).isEqualTo(expected++);
      b.recycle();
    }
    producer.join();
    assertThat(expected).isEqualTo(200);
    assertThat(events).isEqualTo(4);
  }

  @Test
  void aConsumerThatDoesNotRecycleStopsTheProducerAfterABoundedNumberOfBuffers() throws Exception {
    producerRegistry.register(partition);
    connect(ID);
    AtomicInteger produced = new AtomicInteger();
    Thread producer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 1000; i++) {
                  addData(i);
                  produced.incrementAndGet();
                }
              } catch (InterruptedException e) {
                // cancelled by the test
              }
            });
    producer.start();
    // 2 credits on the wire (their producer buffers are recycled once written) + 4 queued = 6.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                produced.get() == 6
                    && producer.getState() == Thread.State.WAITING
                    && partition.getSubpartition(0).queuedBuffers() == 4);
    List<Buffer> held = new ArrayList<>();
    held.add(next());
    held.add(next());
    assertThat(gate.pollNext()).as("no third buffer without credit").isNull();
    assertThat(produced.get()).isEqualTo(6);

    held.get(0).recycle(); // one credit: one more buffer comes, one producer buffer frees
    Buffer third = next();
    assertThat(value(third)).isEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> produced.get() == 7);

    producer.interrupt();
    producer.join();
  }

  @Test
  void aPriorityEventOvertakesBuffersOnBothSidesWithoutCredit() throws Exception {
    producerRegistry.register(partition);
    CountDownLatch priority = new CountDownLatch(1);
    connect(ID);
    gate.setPriorityListener(priority::countDown);
    for (int i = 0; i < 4; i++) {
      addData(i); // 0 and 1 go to the consumer (its 2 credits), 2 and 3 stay at the producer
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> partition.getSubpartition(0).queuedBuffers() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> consumerHasReceived(2));

    List<byte[]> overtakenAtProducer =
        partition.getSubpartition(0).addPriorityEvent(event((byte) 1));
    assertThat(overtakenAtProducer).hasSize(2);

    assertThat(priority.await(10, TimeUnit.SECONDS)).isTrue();
    InputGate.BufferAndChannel barrier = gate.pollPriorityEvent();
    assertThat(barrier.buffer().isEvent()).isTrue();
    List<byte[]> overtakenAtConsumer = gate.overtakenBy(0, barrier.buffer());
    assertThat(overtakenAtConsumer)
        .extracting(b -> ByteBuffer.wrap(b).getInt())
        .containsExactly(0, 1);

    for (int i = 0; i < 4; i++) {
      Buffer b = next();
      assertThat(value(b)).isEqualTo(i);
      b.recycle();
    }
  }

  private boolean consumerHasReceived(int n) {
    // The channel's free exclusive buffers are its credits: none left means n arrived.
    return consumerMemory.getUsedSegments() == n && gate.getAvailableFuture().isDone();
  }

  @Test
  void anUnknownPartitionFailsTheChannelWithOneClearLine() throws Exception {
    connect(new ResultPartitionId("no-such-attempt", 3));
    gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> gate.pollNext())
        .isInstanceOf(RemoteChannelException.class)
        .hasMessageContaining("partition no-such-attempt/3 not found on TaskManager tm-producer");
  }

  @Test
  void anUnreachableTaskManagerFailsTheChannel() throws Exception {
    String address = producerSide.address();
    producerSide.close();
    producerSide = NettyDataPlane.start("127.0.0.1", producerRegistry, "tm-other");
    channel = (RemoteInputChannel) consumerSide.createRemoteChannel(address, ID, 0, consumerMemory);
    gate = new InputGate(List.of(channel));
    gate.start();
    gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> gate.pollNext())
        .isInstanceOf(RemoteChannelException.class)
        .hasMessageContaining("cannot connect to TaskManager " + address);
  }

  @Test
  void releaseReturnsEveryBufferOnBothSides() throws Exception {
    producerRegistry.register(partition);
    connect(ID);
    for (int i = 0; i < 6; i++) {
      addData(i);
    }
    Buffer held = next(); // the task still holds one when it is cancelled
    await().atMost(Duration.ofSeconds(10)).until(() -> consumerMemory.getUsedSegments() == 2);
    channel.release();
    channel = null;
    assertThat(consumerMemory.getUsedSegments()).isEqualTo(1);
    held.recycle();
    assertThat(consumerMemory.getUsedSegments()).isZero();
    // The server drops what the consumer will never read; the producer's memory comes back.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> partition.getSubpartition(0).queuedBuffers() == 0);
    partition.getBufferPool().destroy();
    assertThat(producerMemory.getUsedSegments()).isZero();
    assertThat(consumerSide.getConnectionManager().numberOfConnections()).isEqualTo(1);
  }
}
