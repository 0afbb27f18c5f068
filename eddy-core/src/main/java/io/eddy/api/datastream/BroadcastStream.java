package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the operator it is connected to,
 * together with the broadcast state that operator keeps ({@link
 * DataStream#broadcast(MapStateDescriptor[])}). Only useful as the argument of {@code connect}.
 */
@Public
public final class BroadcastStream<T> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<T> broadcastInput;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStream(
      StreamExecutionEnvironment environment,
      DataStream<T> broadcastInput,
      List<MapStateDescriptor<?, ?>> descriptors) {
    this.environment = environment;
    this.broadcastInput = broadcastInput;
    this.descriptors = List.copyOf(descriptors);
  }

  public StreamExecutionEnvironment getEnvironment() {
    return environment;
  }

  /** The broadcast-partitioned stream. */
  DataStream<T> getBroadcastInput() {
    return broadcastInput;
  }

  /** The descriptors of the broadcast states the consuming operator keeps. */
  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }
}
