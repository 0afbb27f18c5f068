package io.eddy.runtime.task;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.network.api.CheckpointBarrier;
import io.eddy.runtime.network.api.NetworkEvent;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.input.RecordDeserializer;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.streamrecord.StreamElement;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the task's input gate and feeds the head operator: deserializes buffers channel by channel
 * (each with its edge's serializer), tracks end of partition per channel, and routes each channel's
 * elements to the logical input its edge feeds. Each logical input combines its channels'
 * watermarks and idle/active statuses in its own {@link StatusWatermarkValve} (minimum over active
 * channels that have not ended); a two-input operator then combines its two inputs. The input ends
 * when every channel of every logical input has ended. Task thread only.
 */
final class NetworkInput {
  /** What one step of input processing found. */
  enum Status {
    MORE_AVAILABLE,
    NOTHING_AVAILABLE,
    END_OF_INPUT
  }

  private final InputGate gate;
  private final RecordDeserializer<?>[] deserializers;

  /** Per gate channel: the logical input it feeds (0-based) and its index in that input's valve. */
  private final int[] channelInput;

  private final int[] channelInValve;
  private final StatusWatermarkValve[] valves;
  private final InputTarget target;
  private CheckpointBarrierHandler barrierHandler;
  private int finishedChannels;

  /**
   * Elements processed per step at most: between steps the task runs its mails (timers, unaligned
   * barriers) and checks that its outputs have room, so it never blocks inside a step for long.
   */
  private static final int MAX_ELEMENTS_PER_STEP = 64;

  /** The channel whose buffer is partly processed (continued first), or -1. */
  private int currentChannel = -1;

  /** Restored in-flight input data (unaligned checkpoint), replayed before the live channels. */
  private final ArrayDeque<InputGate.BufferAndChannel> replay = new ArrayDeque<>();

  /** A one-input network input: every channel feeds logical input 0. */
  NetworkInput(InputGate gate, List<TypeSerializer<?>> channelSerializers, InputTarget target) {
    this(gate, channelSerializers, new int[gate.getNumberOfChannels()], target);
  }

  /**
   * @param channelSerializers for each channel, the serializer of its edge's records
   * @param channelInputs for each channel, the 0-based logical input it feeds
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  NetworkInput(
      InputGate gate,
      List<TypeSerializer<?>> channelSerializers,
      int[] channelInputs,
      InputTarget target) {
    this.gate = gate;
    int n = gate.getNumberOfChannels();
    this.deserializers = new RecordDeserializer[n];
    for (int i = 0; i < n; i++) {
      deserializers[i] =
          new RecordDeserializer<>(new StreamElementSerializer(channelSerializers.get(i)));
    }
    this.channelInput = channelInputs.clone();
    this.channelInValve = new int[n];
    int numInputs = 0;
    for (int input : channelInputs) {
      numInputs = Math.max(numInputs, input + 1);
    }
    int[] channelsPerInput = new int[numInputs];
    for (int i = 0; i < n; i++) {
      channelInValve[i] = channelsPerInput[channelInput[i]]++;
    }
    this.valves = new StatusWatermarkValve[numInputs];
    for (int input = 0; input < numInputs; input++) {
      if (channelsPerInput[input] == 0) {
        throw new IllegalStateException("Logical input " + input + " of the task has no channel.");
      }
      valves[input] = new StatusWatermarkValve(channelsPerInput[input]);
    }
    this.target = target;
  }

  /** Who is told of the checkpoint barriers and ended channels. */
  void setBarrierHandler(CheckpointBarrierHandler barrierHandler) {
    this.barrierHandler = barrierHandler;
  }

  CheckpointBarrierHandler barrierHandler() {
    return barrierHandler;
  }

  InputGate getGate() {
    return gate;
  }

  /** The bytes of an element channel {@code channel}'s deserializer has begun (unaligned). */
  byte[] pendingBytes(int channel) {
    return deserializers[channel].pendingBytes();
  }

  /**
   * Queues the in-flight input data of an unaligned checkpoint: per channel (gate order) the bytes
   * of a begun element, then whole buffers. It is processed before any live buffer.
   */
  void replay(List<ChannelState.InputChannelData> channels) {
    if (channels.size() != deserializers.length) {
      throw new IllegalStateException(
          "The restored in-flight data has "
              + channels.size()
              + " input channels, the task "
              + deserializers.length
              + ": unaligned checkpoints restore at the same parallelism only.");
    }
    for (int c = 0; c < channels.size(); c++) {
      var data = channels.get(c);
      if (data.prefix().length > 0) {
        replay.add(new InputGate.BufferAndChannel(unpooled(data.prefix()), c));
      }
      for (byte[] b : data.buffers()) {
        replay.add(new InputGate.BufferAndChannel(unpooled(b), c));
      }
    }
  }

  private static Buffer unpooled(byte[] bytes) {
    Buffer b = new Buffer(bytes, ignored -> {});
    b.setSize(bytes.length);
    return b;
  }

  /**
   * Takes the priority events (unaligned barriers) that overtook the channels' data; runs as a mail
   * so that a task waiting for output buffers still takes its part of the checkpoint.
   */
  void processPriorityEvents() throws Exception {
    if (!replay.isEmpty()) {
      return; // the replayed data comes before the barrier: it is taken in order later
    }
    InputGate.BufferAndChannel next;
    while ((next = gate.pollPriorityEvent()) != null) {
      CheckpointBarrier barrier =
          CheckpointBarrier.decode(next.buffer().memory(), next.buffer().size());
      List<byte[]> overtaken = gate.overtakenBy(next.channel(), next.buffer());
      next.buffer().recycle();
      if (barrierHandler != null) {
        barrierHandler.processBarrier(barrier, next.channel(), overtaken);
      }
    }
  }

  /** Processes the elements of one buffer. Task thread. */
  Status processNext() throws Exception {
    if (finishedChannels == deserializers.length) {
      return Status.END_OF_INPUT;
    }
    if (currentChannel >= 0) {
      return processElements(currentChannel);
    }
    InputGate.BufferAndChannel next = replay.isEmpty() ? gate.pollNext() : replay.poll();
    if (next == null) {
      return Status.NOTHING_AVAILABLE;
    }
    int channel = next.channel();
    int input = channelInput[channel];
    StatusWatermarkValve valve = valves[input];
    int valveChannel = channelInValve[channel];
    if (next.buffer().isEvent()) {
      NetworkEvent event = NetworkEvent.fromCode(next.buffer().memory()[0]);
      if (event == NetworkEvent.CHECKPOINT_BARRIER) {
        CheckpointBarrier barrier =
            CheckpointBarrier.decode(next.buffer().memory(), next.buffer().size());
        List<byte[]> overtaken = gate.overtakenBy(channel, next.buffer());
        next.buffer().recycle();
        if (barrierHandler != null) {
          barrierHandler.processBarrier(barrier, channel, overtaken);
        }
        return Status.MORE_AVAILABLE;
      }
      next.buffer().recycle();
      if (event == NetworkEvent.END_OF_PARTITION) {
        finishedChannels++;
        emit(input, valve.inputEnded(valveChannel));
        if (barrierHandler != null) {
          barrierHandler.processEndOfPartition(channel);
        }
        return finishedChannels == deserializers.length
            ? Status.END_OF_INPUT
            : Status.MORE_AVAILABLE;
      }
      throw new IllegalStateException("Unexpected event " + event);
    }
    if (barrierHandler != null) {
      barrierHandler.onBuffer(channel, next.buffer());
    }
    deserializers[channel].setNextBuffer(next.buffer());
    return processElements(channel);
  }

  /** Processes up to {@link #MAX_ELEMENTS_PER_STEP} elements of the channel's current buffer. */
  private Status processElements(int channel) throws Exception {
    int input = channelInput[channel];
    RecordDeserializer<?> deserializer = deserializers[channel];
    StreamElement element;
    int n = 0;
    while ((element = deserializer.next()) != null) {
      if (element.isRecord()) {
        target.processElement(input, element.asRecord());
      } else if (element.isWatermark()) {
        emit(
            input,
            valves[input].inputWatermark(
                element.asWatermark().getTimestamp(), channelInValve[channel]));
      } else {
        emit(
            input,
            valves[input].inputStatus(
                element.asWatermarkStatus().isIdle(), channelInValve[channel]));
      }
      if (++n == MAX_ELEMENTS_PER_STEP) {
        break;
      }
    }
    currentChannel = deserializer.hasBuffer() ? channel : -1;
    return Status.MORE_AVAILABLE;
  }

  /** Forwards what {@code input}'s valve changed: a new watermark first, then a new status. */
  private void emit(int input, long newWatermark) throws Exception {
    if (newWatermark != StatusWatermarkValve.NO_CHANGE) {
      target.processWatermark(input, new WatermarkElement(newWatermark));
    }
    StatusWatermarkValve valve = valves[input];
    if (valve.takeStatusChange()) {
      target.processWatermarkStatus(input, WatermarkStatus.of(valve.isOutputIdle()));
    }
  }

  CompletableFuture<Void> getAvailableFuture() {
    if (!replay.isEmpty() || currentChannel >= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return gate.getAvailableFuture();
  }

  void release() {
    for (RecordDeserializer<?> d : deserializers) {
      d.clear();
    }
    gate.release();
  }
}
