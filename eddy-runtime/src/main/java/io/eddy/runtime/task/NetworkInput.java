package io.eddy.runtime.task;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.network.api.NetworkEvent;
import io.eddy.runtime.network.input.InputGate;
import io.eddy.runtime.network.input.RecordDeserializer;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamElement;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.Watermark;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the task's input gate and feeds the head operator: deserializes buffers channel by channel,
 * tracks end of partition per channel, and forwards the minimum watermark over the channels that
 * have not ended.
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
  private final long[] channelWatermarks;
  private final boolean[] finished;
  private final OneInputStreamOperator<Object, ?> head;
  private int finishedChannels;
  private long currentWatermark = Long.MIN_VALUE;

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
    this.channelWatermarks = new long[n];
    java.util.Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    this.finished = new boolean[n];
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
        finished[channel] = true;
        finishedChannels++;
        advanceWatermark();
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
      } else {
        channelWatermarks[channel] =
            Math.max(channelWatermarks[channel], element.asWatermark().getTimestamp());
        advanceWatermark();
      }
    }
    return Status.MORE_AVAILABLE;
  }

  private void advanceWatermark() throws Exception {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < channelWatermarks.length; i++) {
      if (!finished[i]) {
        min = Math.min(min, channelWatermarks[i]);
        any = true;
      }
    }
    if (!any) {
      return; // the sources end with a final MAX watermark, which already went through
    }
    if (min > currentWatermark) {
      currentWatermark = min;
      head.processWatermark(new Watermark(min));
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
