package io.eddy.runtime.network.netty;

import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.buffer.BufferRecycler;
import io.eddy.runtime.network.buffer.LocalBufferPool;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.input.InputChannel;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a subpartition of a producer on another TaskManager through the {@link PartitionServer}
 * there. Data arrives into this channel's exclusive buffers, taken from the consumer TaskManager's
 * {@link NetworkBufferPool} when the channel starts; each free buffer is one credit the server may
 * spend. A buffer the task recycles becomes a credit again, so a consumer that does not keep up
 * stops receiving after {@code exclusiveBuffers} buffers and the producer backs up.
 *
 * <p>Events need no credit: they arrive into small arrays of their own. A priority event (an
 * unaligned barrier) goes in front of the buffers received but not yet taken, as in a {@link
 * io.eddy.runtime.network.partition.ResultSubpartition}; unlike there, the producer no longer has
 * those buffers, so this channel keeps copies of them ({@link #overtakenBy}) for the checkpoint's
 * in-flight data.
 *
 * <p>The task thread polls and releases; the event loop delivers; recycling may happen on any
 * thread. Guarded by {@link #lock}.
 */
public final class RemoteInputChannel implements InputChannel {
  private final ConnectionManager connections;
  private final String producerAddress;
  private final ResultPartitionId partitionId;
  private final int subpartition;
  private final NetworkBufferPool networkBufferPool;
  private final int exclusiveBuffers;

  private final Object lock = new Object();
  private final ArrayDeque<Buffer> free = new ArrayDeque<>();
  private final ArrayDeque<Buffer> received = new ArrayDeque<>();
  private final ArrayDeque<Buffer> priorityEvents = new ArrayDeque<>();
  private final Map<Buffer, List<byte[]>> overtaken = new IdentityHashMap<>();
  private LocalBufferPool pool;
  private InputGate gate;
  private int channelIndex;
  private PartitionClient client;
  private int channelId = -1;
  private int expectedSequence;
  private String error;
  private boolean released;

  public RemoteInputChannel(
      ConnectionManager connections,
      String producerAddress,
      ResultPartitionId partitionId,
      int subpartition,
      NetworkBufferPool networkBufferPool,
      int exclusiveBuffers) {
    this.connections = connections;
    this.producerAddress = producerAddress;
    this.partitionId = partitionId;
    this.subpartition = subpartition;
    this.networkBufferPool = networkBufferPool;
    this.exclusiveBuffers = exclusiveBuffers;
  }

  @Override
  public void start(InputGate gate, int channelIndex) {
    synchronized (lock) {
      this.gate = gate;
      this.channelIndex = channelIndex;
      pool = networkBufferPool.createLocalPool(exclusiveBuffers);
      for (int i = 0; i < exclusiveBuffers; i++) {
        Buffer b = pool.requestBuffer();
        if (b == null) {
          break;
        }
        free.add(b);
      }
    }
    if (free.isEmpty()) {
      onError("no network buffers left on this TaskManager for a remote channel to " + this);
      return;
    }
    connections
        .connect(producerAddress)
        .whenComplete(
            (c, e) -> {
              if (e != null) {
                onError(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                return;
              }
              synchronized (lock) {
                if (released) {
                  return;
                }
                client = c;
                channelId = c.request(this, partitionId, subpartition, free.size());
              }
            });
  }

  /** A buffer or in-order event from the server. Event loop. */
  void onBuffer(int sequence, boolean event, ByteBuf bytes) {
    boolean wasEmpty;
    synchronized (lock) {
      if (released || error != null) {
        return;
      }
      if (sequence != expectedSequence) {
        failLocked("buffer " + sequence + " arrived, expected " + expectedSequence);
        return;
      }
      expectedSequence++;
      Buffer buffer;
      if (event) {
        buffer = eventBuffer(bytes);
      } else {
        Buffer segment = free.poll();
        if (segment == null) {
          failLocked("the server sent a buffer without credit");
          return;
        }
        int size = bytes.readableBytes();
        bytes.readBytes(segment.memory(), 0, size);
        buffer = new Buffer(segment.memory(), creditReturner(segment));
        buffer.setSize(size);
      }
      wasEmpty = received.isEmpty() && priorityEvents.isEmpty();
      received.add(buffer);
    }
    if (wasEmpty) {
      gate.notifyChannelNonEmpty(channelIndex);
    }
  }

  /** A priority event: overtakes the received buffers, which it keeps copies of. Event loop. */
  void onPriorityEvent(ByteBuf bytes) {
    boolean wasEmpty;
    synchronized (lock) {
      if (released || error != null) {
        return;
      }
      Buffer event = eventBuffer(bytes);
      List<byte[]> data = new ArrayList<>();
      for (Buffer b : received) {
        if (!b.isEvent()) {
          data.add(Arrays.copyOf(b.memory(), b.size()));
        }
      }
      if (!data.isEmpty()) {
        overtaken.put(event, data);
      }
      wasEmpty = received.isEmpty() && priorityEvents.isEmpty();
      priorityEvents.add(event);
    }
    if (wasEmpty) {
      gate.notifyChannelNonEmpty(channelIndex);
    }
    gate.notifyPriorityEvent(channelIndex);
  }

  /** The channel failed (server error, connection lost): the task fails on its next poll. */
  void onError(String message) {
    synchronized (lock) {
      if (released || error != null) {
        return;
      }
      failLocked(message);
    }
    gate.notifyChannelNonEmpty(channelIndex);
  }

  private void failLocked(String message) {
    error = message;
  }

  @Override
  public Buffer poll() {
    synchronized (lock) {
      if (error != null) {
        throw new RemoteChannelException(error);
      }
      Buffer priority = priorityEvents.poll();
      return priority != null ? priority : received.poll();
    }
  }

  @Override
  public Buffer pollPriorityEvent() {
    synchronized (lock) {
      return priorityEvents.poll();
    }
  }

  @Override
  public List<byte[]> overtakenBy(Buffer priorityEvent) {
    synchronized (lock) {
      List<byte[]> data = overtaken.remove(priorityEvent);
      return data == null ? List.of() : data;
    }
  }

  /** Recycling a received buffer frees its segment for the next one: one credit to the server. */
  private BufferRecycler creditReturner(Buffer segment) {
    return ignored -> {
      PartitionClient c;
      int id;
      synchronized (lock) {
        if (released) {
          segment.recycle(); // back to the pool, which was destroyed: to the TaskManager
          return;
        }
        free.add(segment);
        c = client;
        id = channelId;
      }
      if (c != null) {
        c.announceCredit(id, 1);
      }
    };
  }

  private static Buffer eventBuffer(ByteBuf bytes) {
    byte[] memory = new byte[bytes.readableBytes()];
    bytes.readBytes(memory);
    Buffer event = new Buffer(memory, BufferRecycler.UNPOOLED);
    event.setSize(memory.length);
    event.setEvent(true);
    return event;
  }

  /** Closes the channel on the server and returns every buffer to the TaskManager's pool. */
  @Override
  public void release() {
    PartitionClient c;
    int id;
    synchronized (lock) {
      if (released) {
        return;
      }
      released = true;
      c = client;
      id = channelId;
      client = null;
      received.forEach(Buffer::recycle); // their recyclers see released: segments go back
      received.clear();
      priorityEvents.clear();
      overtaken.clear();
      free.forEach(Buffer::recycle);
      free.clear();
      if (pool != null) {
        pool.destroy();
      }
    }
    if (c != null) {
      c.close(id);
    }
  }

  @Override
  public String toString() {
    return "RemoteInputChannel(" + partitionId + "#" + subpartition + " @ " + producerAddress + ")";
  }
}
