package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.co.CoFlatMapFunction;
import io.eddy.api.functions.co.CoMapFunction;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.TwoInputSpecs;
import io.eddy.core.internal.types.TypeExtractor;

/**
 * Two streams, possibly of different types, processed together by one operator with a method per
 * input ({@link DataStream#connect(DataStream)}). Each parallel instance of the operator handles
 * both inputs on its task thread, one element at a time and never concurrently, so a function may
 * share fields between its two methods without locks. There is no order between the two inputs. The
 * operator's watermark is the minimum of the two inputs' watermarks.
 *
 * <p>After {@link #keyBy(KeySelector, KeySelector)} both inputs are partitioned by key (with keys
 * of the same type), and the functions get keyed state shared by both inputs.
 */
@Public
public class ConnectedStreams<IN1, IN2> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> input1;
  private final DataStream<IN2> input2;

  ConnectedStreams(
      StreamExecutionEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
    TwoInputs.requireSameEnvironment(input2, environment);
    this.environment = environment;
    this.input1 = input1;
    this.input2 = input2;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  public DataStream<IN1> getFirstInput() {
    return input1;
  }

  public DataStream<IN2> getSecondInput() {
    return input2;
  }

  public TypeInformation<IN1> getType1() {
    return input1.getType();
  }

  public TypeInformation<IN2> getType2() {
    return input2.getType();
  }

  /** Whether both inputs are keyed streams. */
  public boolean isKeyed() {
    return input1 instanceof KeyedStream && input2 instanceof KeyedStream;
  }

  /**
   * Partitions both inputs by key, so that elements of the two inputs with equal keys meet in the
   * same parallel instance.
   *
   * @throws IllegalArgumentException if the two keys have different types
   */
  public <K> ConnectedStreams<IN1, IN2> keyBy(
      KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
    KeyedStream<IN1, K> keyed1 = input1.keyBy(keySelector1);
    KeyedStream<IN2, K> keyed2 = input2.keyBy(keySelector2);
    TwoInputs.requireSameKeyType(keyed1.getKeyType(), keyed2.getKeyType(), "keyBy");
    return new ConnectedStreams<>(environment, keyed1, keyed2);
  }

  /** Like {@link #keyBy(KeySelector, KeySelector)} with an explicit key type. */
  public <K> ConnectedStreams<IN1, IN2> keyBy(
      KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2,
      TypeInformation<K> keyType) {
    return new ConnectedStreams<>(
        environment, input1.keyBy(keySelector1, keyType), input2.keyBy(keySelector2, keyType));
  }

  /** Maps each element of either input to one output element. */
  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(mapper, CoMapFunction.class, 2, getType1(), getType2());
    return transform("Co-Map", new TwoInputSpecs.CoMap<>(mapper), out);
  }

  /** Emits any number of elements for each element of either input. */
  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(flatMapper, CoFlatMapFunction.class, 2, getType1(), getType2());
    return transform("Co-Flat Map", new TwoInputSpecs.CoFlatMap<>(flatMapper), out);
  }

  /** Processes both inputs with a {@link CoProcessFunction} (side outputs, time, watermark). */
  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, CoProcessFunction.class, 2, getType1(), getType2());
    return transform("Co-Process", new TwoInputSpecs.CoProcess<>(function), out);
  }

  /**
   * Processes both keyed inputs with a {@link KeyedCoProcessFunction}: keyed state and timers.
   *
   * @throws IllegalStateException unless the streams were keyed with {@link #keyBy}
   */
  public <K, R> SingleOutputStreamOperator<R> process(
      KeyedCoProcessFunction<K, IN1, IN2, R> function) {
    if (!isKeyed()) {
      throw new IllegalStateException(
          "A KeyedCoProcessFunction needs keyed connected streams: call keyBy(key1, key2) on the"
              + " connected streams first, or use a CoProcessFunction.");
    }
    TypeInformation<R> out =
        TypeExtractor.getOutputType(
            function, KeyedCoProcessFunction.class, 3, null, getType1(), getType2());
    return transform("Keyed Co-Process", new TwoInputSpecs.KeyedCoProcess<>(function), out);
  }

  /** Adds a two-input operator reading both inputs. */
  <R> SingleOutputStreamOperator<R> transform(
      String name, OperatorSpec operator, TypeInformation<R> outputType) {
    return TwoInputs.transform(input1, input2, name, operator, outputType, false);
  }
}
