package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.core.dag.ops.TwoInputSpecs;
import io.eddy.core.internal.types.TypeExtractor;
import java.util.List;

/**
 * A stream connected to a {@link BroadcastStream} (the broadcast state pattern): every parallel
 * instance of the operator receives every broadcast element and keeps its own copy of the broadcast
 * state, while the other input is processed as usual (by key, if it is a keyed stream). Both inputs
 * are processed on the task thread, never concurrently; there is no order between them.
 */
@Public
public final class BroadcastConnectedStream<IN1, IN2> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> nonBroadcast;
  private final BroadcastStream<IN2> broadcast;

  BroadcastConnectedStream(DataStream<IN1> nonBroadcast, BroadcastStream<IN2> broadcast) {
    TwoInputs.requireSameEnvironment(nonBroadcast, broadcast.getEnvironment());
    this.environment = nonBroadcast.getExecutionEnvironment();
    this.nonBroadcast = nonBroadcast;
    this.broadcast = broadcast;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  public DataStream<IN1> getFirstInput() {
    return nonBroadcast;
  }

  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  /**
   * Processes a non-keyed stream with the broadcast state.
   *
   * @throws IllegalStateException if the first input is keyed (use a {@link
   *     KeyedBroadcastProcessFunction})
   */
  public <OUT> SingleOutputStreamOperator<OUT> process(
      BroadcastProcessFunction<IN1, IN2, OUT> function) {
    if (nonBroadcast instanceof KeyedStream) {
      throw new IllegalStateException(
          "The first input is a keyed stream: use a KeyedBroadcastProcessFunction.");
    }
    TypeInformation<OUT> out =
        TypeExtractor.getOutputType(
            function,
            BroadcastProcessFunction.class,
            2,
            nonBroadcast.getType(),
            broadcast.getBroadcastInput().getType());
    return TwoInputs.transform(
        nonBroadcast,
        broadcast.getBroadcastInput(),
        "Co-Process-Broadcast",
        new TwoInputSpecs.BroadcastProcess<>(function, descriptors()),
        out,
        false);
  }

  /**
   * Processes a keyed stream with the broadcast state, keyed state and timers.
   *
   * @throws IllegalStateException unless the first input is a keyed stream
   */
  public <KS, OUT> SingleOutputStreamOperator<OUT> process(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
    if (!(nonBroadcast instanceof KeyedStream)) {
      throw new IllegalStateException(
          "A KeyedBroadcastProcessFunction needs a keyed first input: call keyBy(...) before"
              + " connect(broadcastStream), or use a BroadcastProcessFunction.");
    }
    TypeInformation<OUT> out =
        TypeExtractor.getOutputType(
            function,
            KeyedBroadcastProcessFunction.class,
            3,
            null,
            nonBroadcast.getType(),
            broadcast.getBroadcastInput().getType());
    return TwoInputs.transform(
        nonBroadcast,
        broadcast.getBroadcastInput(),
        "Co-Process-Broadcast-Keyed",
        new TwoInputSpecs.KeyedBroadcastProcess<>(function, descriptors()),
        out,
        true);
  }

  private List<MapStateDescriptor<?, ?>> descriptors() {
    return broadcast.getBroadcastStateDescriptors();
  }
}
