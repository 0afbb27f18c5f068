package io.eddy.runtime.task;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.network.api.NetworkEvent;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.input.RecordDeserializer;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamElement;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.Watermark;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the task's input gate and feeds the head operator: deserializes buffers channel by channel,
 * tracks end of partition per channel, and combines the channels' watermarks and idle/active
 * statuses in a {@link StatusWatermarkValve} (minimum over active channels that have not ended).
 * Task thread only.
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
  private final StatusWatermarkValve valve;
  private final OneInputStreamOperator<Object, ?> head;
  private int finishedChannels;

  /**
   * @param channelSerializers for each channel, the serializer of its edge's records
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  NetworkInput(
      InputGate gate,
      List<TypeSerializer<?>> channelSerializers,
      OneInputStreamOperator<?, ?> head) {
    this.gate = gate;
    int n = gate.getNumberOfChannels();
    this.deserializers = new RecordDeserializer[n];
    for (int i = 0; i < n; i++) {
      deserializers[i] =
          new RecordDeserializer<>(new StreamElementSerializer(channelSerializers.get(i)));
    }
    this.valve = new StatusWatermarkValve(n);
    this.head = (OneInputStreamOperator<Object, ?>) head;
  }

  /** Processes the elements of one buffer. Task thread. */
  Status processNext() throws Exception {
    if (finishedChannels == deserializers.length) {
      return Status.END_OF_INPUT;
    }
    InputGate.BufferAndChannel next = gate.pollNext();
    if (next == null) {
      return Status.NOTHING_AVAILABLE;
    }
    int channel = next.channel();
    if (next.buffer().isEvent()) {
      NetworkEvent event = NetworkEvent.fromCode(next.buffer().memory()[0]);
      next.buffer().recycle();
      if (event == NetworkEvent.END_OF_PARTITION) {
        finishedChannels++;
        emit(valve.inputEnded(channel));
        return finishedChannels == deserializers.length
            ? Status.END_OF_INPUT
            : Status.MORE_AVAILABLE;
      }
      throw new IllegalStateException("Unexpected event " + event);
    }
    RecordDeserializer<?> deserializer = deserializers[channel];
    deserializer.setNextBuffer(next.buffer());
    StreamElement element;
    while ((element = deserializer.next()) != null) {
      if (element.isRecord()) {
        head.processElement(element.asRecord());
      } else if (element.isWatermark()) {
        emit(valve.inputWatermark(element.asWatermark().getTimestamp(), channel));
      } else {
        emit(valve.inputStatus(element.asWatermarkStatus().isIdle(), channel));
      }
    }
    return Status.MORE_AVAILABLE;
  }

  /** Forwards what the valve changed: a new watermark first, then a new status. */
  private void emit(long newWatermark) throws Exception {
    if (newWatermark != StatusWatermarkValve.NO_CHANGE) {
      head.processWatermark(new Watermark(newWatermark));
    }
    if (valve.takeStatusChange()) {
      head.processWatermarkStatus(WatermarkStatus.of(valve.isOutputIdle()));
    }
  }

  CompletableFuture<Void> getAvailableFuture() {
    return gate.getAvailableFuture();
  }

  void release() {
    for (RecordDeserializer<?> d : deserializers) {
      d.clear();
    }
    gate.release();
  }
}
