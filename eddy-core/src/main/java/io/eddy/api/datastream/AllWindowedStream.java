package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.windowing.AllWindowFunction;
import io.eddy.api.functions.windowing.ProcessAllWindowFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.internal.types.TypeExtractor;
import io.eddy.core.internal.windowing.AllWindowFunctionAdapter;
import io.eddy.core.internal.windowing.PassThroughWindowFunction;
import io.eddy.core.internal.windowing.ProcessAllWindowFunctionAdapter;
import java.time.Duration;

/**
 * A non-keyed stream cut into windows ({@link DataStream#windowAll}). All elements go to one window
 * operator with parallelism 1 (a keyed window operator over one constant key), so use it for small
 * volumes or after a pre-aggregation. Configured and evaluated like {@link WindowedStream}.
 *
 * @param <T> element type
 * @param <W> window type
 */
@Public
public class AllWindowedStream<T, W extends Window> {
  private final WindowedStream<T, Byte, W> windowed;
  private final TypeInformation<T> type;

  AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
    this.type = input.getType();
    this.windowed =
        new WindowedStream<>(
            input.keyBy(new NullByteKeySelector<>(), TypeInformation.of(Byte.class)), assigner);
  }

  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
    windowed.sideOutputLateData(tag);
    return this;
  }

  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return single(windowed.reduce(reducer));
  }

  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, ProcessAllWindowFunction.class, 1, type);
    return single(windowed.reduce(reducer, new ProcessAllWindowFunctionAdapter<>(function), out));
  }

  public <ACC, V> SingleOutputStreamOperator<V> aggregate(AggregateFunction<T, ACC, V> function) {
    TypeInformation<V> result =
        TypeExtractor.getOutputType(function, AggregateFunction.class, 2, type);
    return single(windowed.aggregate(function, new PassThroughWindowFunction<>(), result));
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> function, ProcessAllWindowFunction<V, R, W> windowFunction) {
    TypeInformation<V> result =
        TypeExtractor.getOutputType(function, AggregateFunction.class, 2, type);
    TypeInformation<R> out =
        TypeExtractor.getOutputType(windowFunction, ProcessAllWindowFunction.class, 1, result);
    return single(
        windowed.aggregate(function, new ProcessAllWindowFunctionAdapter<>(windowFunction), out));
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, ProcessAllWindowFunction.class, 1, type);
    return single(windowed.process(new ProcessAllWindowFunctionAdapter<>(function), out));
  }

  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, AllWindowFunction.class, 1, type);
    return single(windowed.process(new AllWindowFunctionAdapter<>(function), out));
  }

  /** The sum of a field per window (see {@link WindowedStream#sum(int)}). */
  public SingleOutputStreamOperator<T> sum(int position) {
    return single(windowed.sum(position));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return single(windowed.sum(field));
  }

  public SingleOutputStreamOperator<T> min(int position) {
    return single(windowed.min(position));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return single(windowed.min(field));
  }

  public SingleOutputStreamOperator<T> max(int position) {
    return single(windowed.max(position));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return single(windowed.max(field));
  }

  private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> op) {
    return op.setParallelism(1).setMaxParallelism(1);
  }

  /** The constant key of a non-keyed window. */
  static final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;
    private static final Byte ZERO = 0;

    @Override
    public Byte getKey(T value) {
      return ZERO;
    }
  }
}
