package io.eddy.core.dag;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Internal;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.DataStreamSource;

/**
 * Eddy's own way to the plan behind the API objects, which their public signatures do not show: the
 * environment and the runtime read a stream's {@link Transformation} and register sources and sinks
 * through here.
 *
 * <p>The API classes hold the implementations: {@code DataStream} and {@code
 * StreamExecutionEnvironment} register one each in their static initializers (the pattern of the
 * JDK's shared secrets), so nothing but this class needs to be public.
 */
@Internal
public final class StreamAccess {

  /** Implemented in {@code io.eddy.api.datastream}. */
  @Internal
  public interface Streams {
    <T> Transformation<T> transformationOf(DataStream<T> stream);

    <T> DataStreamSource<T> newSource(
        StreamExecutionEnvironment environment, SourceTransformation<T> transformation);
  }

  /** Implemented in {@code io.eddy.api}. */
  @Internal
  public interface Environments {
    void addSink(StreamExecutionEnvironment environment, SinkTransformation<?> sink);
  }

  private static volatile Streams streams;
  private static volatile Environments environments;

  private StreamAccess() {}

  public static void register(Streams implementation) {
    streams = implementation;
  }

  public static void register(Environments implementation) {
    environments = implementation;
  }

  /** The plan node behind {@code stream}. */
  public static <T> Transformation<T> transformationOf(DataStream<T> stream) {
    return streams().transformationOf(stream);
  }

  /** A new source stream of {@code environment} for {@code transformation}. */
  public static <T> DataStreamSource<T> newSource(
      StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
    return streams().newSource(environment, transformation);
  }

  /** Adds {@code sink} to the job that {@code environment} builds. */
  public static void addSink(StreamExecutionEnvironment environment, SinkTransformation<?> sink) {
    if (environments == null) {
      initialize(StreamExecutionEnvironment.class);
    }
    environments.addSink(environment, sink);
  }

  private static Streams streams() {
    if (streams == null) {
      initialize(DataStream.class);
    }
    return streams;
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
