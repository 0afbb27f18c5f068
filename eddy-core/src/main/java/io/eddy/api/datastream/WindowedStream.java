package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.functions.RichFunction;
import io.eddy.api.common.state.AggregatingStateDescriptor;
import io.eddy.api.common.state.AppendingState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.common.state.StateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.functions.windowing.WindowFunction;
import io.eddy.api.windowing.assigners.MergingWindowAssigner;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.evictors.TimestampedValue;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.ops.WindowSpec;
import io.eddy.core.internal.types.TypeExtractor;
import io.eddy.core.internal.windowing.AggregateApplyWindowFunction;
import io.eddy.core.internal.windowing.FieldAggregator;
import io.eddy.core.internal.windowing.PassThroughWindowFunction;
import io.eddy.core.internal.windowing.ReduceApplyWindowFunction;
import io.eddy.core.internal.windowing.WindowFunctionAdapter;
import java.time.Duration;

/**
 * A keyed stream cut into windows ({@link KeyedStream#window}): configure the trigger, evictor,
 * allowed lateness and late-data side output, then evaluate each window with {@code reduce}, {@code
 * aggregate}, {@code process} or {@code apply}. Each firing emits records whose timestamp is the
 * window's {@code maxTimestamp()}.
 *
 * <p>Without an evictor, {@code reduce} and {@code aggregate} keep one pre-aggregated value per
 * window; {@code process} and any evictor keep the window's elements.
 *
 * @param <T> element type
 * @param <K> key type
 * @param <W> window type
 */
@Public
public class WindowedStream<T, K, W extends Window> {
  static final String CONTENTS_STATE = "window-contents";

  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLateness;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    if (assigner == null) {
      throw new IllegalArgumentException("The window assigner must not be null.");
    }
    this.input = input;
    this.assigner = assigner;
    this.trigger = assigner.getDefaultTrigger();
  }

  /** Replaces the assigner's default trigger. */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    if (trigger == null) {
      throw new IllegalArgumentException("The trigger must not be null.");
    }
    if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
      throw new UnsupportedOperationException(
          "The trigger " + trigger + " cannot merge windows, which " + assigner + " needs.");
    }
    this.trigger = trigger;
    return this;
  }

  /** Removes elements from a window when it fires, before and/or after the window function. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    if (evictor == null) {
      throw new IllegalArgumentException("The evictor must not be null.");
    }
    this.evictor = evictor;
    return this;
  }

  /**
   * How long after its end (in event time) a window keeps its state and accepts late elements, each
   * of which fires it again (with the default trigger). Default: zero.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    if (lateness == null || lateness.isNegative()) {
      throw new IllegalArgumentException("The allowed lateness must be zero or positive.");
    }
    this.allowedLateness = lateness.toMillis();
    return this;
  }

  /**
   * Sends elements that arrive after all their windows are gone (end plus allowed lateness passed
   * by the watermark) to the side output {@code tag} instead of dropping them.
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    if (tag == null) {
      throw new IllegalArgumentException("The output tag must not be null.");
    }
    this.lateDataTag = tag;
    return this;
  }

  // ------------------------------------------------------------------ reduce

  /** Reduces each window's elements to one value, incrementally (as they arrive). */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return reduce(reducer, new PassThroughWindowFunction<>(), input.getType());
  }

  /** Reduces incrementally, then hands the one value to {@code function} when the window fires. */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, ProcessWindowFunction.class, 1, input.getType());
    return reduce(reducer, function, out);
  }

  <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer,
      ProcessWindowFunction<T, R, K, W> function,
      TypeInformation<R> outType) {
    checkNotRich(reducer, "reduce");
    if (evictor != null) {
      return build(
          elementsDescriptor(), new ReduceApplyWindowFunction<>(reducer, function), outType);
    }
    return build(
        new ReducingStateDescriptor<>(CONTENTS_STATE, reducer, input.getType()), function, outType);
  }

  // ------------------------------------------------------------------ aggregate

  /** Aggregates each window's elements incrementally and emits the result when it fires. */
  public <ACC, V> SingleOutputStreamOperator<V> aggregate(AggregateFunction<T, ACC, V> function) {
    TypeInformation<V> result =
        TypeExtractor.getOutputType(function, AggregateFunction.class, 2, input.getType());
    return aggregate(function, new PassThroughWindowFunction<>(), result);
  }

  /** Aggregates incrementally, then hands the result to {@code windowFunction} on firing. */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> function, ProcessWindowFunction<V, R, K, W> windowFunction) {
    TypeInformation<V> result =
        TypeExtractor.getOutputType(function, AggregateFunction.class, 2, input.getType());
    TypeInformation<R> out =
        TypeExtractor.getOutputType(windowFunction, ProcessWindowFunction.class, 1, result);
    return aggregate(function, windowFunction, out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> function,
      ProcessWindowFunction<V, R, K, W> windowFunction,
      TypeInformation<R> outType) {
    checkNotRich(function, "aggregate");
    if (evictor != null) {
      return build(
          elementsDescriptor(),
          new AggregateApplyWindowFunction<>(function, windowFunction),
          outType);
    }
    TypeInformation<ACC> accType =
        TypeExtractor.getOutputType(function, AggregateFunction.class, 1, input.getType());
    return build(
        new AggregatingStateDescriptor<>(CONTENTS_STATE, function, accType),
        (ProcessWindowFunction) windowFunction,
        outType);
  }

  // ------------------------------------------------------------------ process / apply

  /** Hands all elements of a window to {@code function} when it fires. */
  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, ProcessWindowFunction.class, 1, input.getType());
    return process(function, out);
  }

  <R> SingleOutputStreamOperator<R> process(
      ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> outType) {
    return build(elementsDescriptor(), function, outType);
  }

  /** Hands all elements of a window, with its key and the window, to {@code function}. */
  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, WindowFunction.class, 1, input.getType());
    return process(new WindowFunctionAdapter<>(function), out);
  }

  // ------------------------------------------------------------------ field aggregations

  /**
   * The sum of a field (tuple position, record component index, or 0 for a number) per window; the
   * other fields come from the window's first element.
   */
  public SingleOutputStreamOperator<T> sum(int position) {
    return aggregateField(FieldAggregator.Kind.SUM, position, null);
  }

  /** The sum of a field named like a record component, POJO field or {@code f0}, per window. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return aggregateField(FieldAggregator.Kind.SUM, -1, field);
  }

  /** The minimum of a field per window; the other fields come from the first element. */
  public SingleOutputStreamOperator<T> min(int position) {
    return aggregateField(FieldAggregator.Kind.MIN, position, null);
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return aggregateField(FieldAggregator.Kind.MIN, -1, field);
  }

  /** The maximum of a field per window; the other fields come from the first element. */
  public SingleOutputStreamOperator<T> max(int position) {
    return aggregateField(FieldAggregator.Kind.MAX, position, null);
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return aggregateField(FieldAggregator.Kind.MAX, -1, field);
  }

  private SingleOutputStreamOperator<T> aggregateField(
      FieldAggregator.Kind kind, int position, String field) {
    return reduce(new FieldAggregator<>(kind, input.getType(), position, field));
  }

  // ------------------------------------------------------------------ internals

  @SuppressWarnings({"unchecked", "rawtypes"})
  private StateDescriptor<? extends AppendingState<?, ?>, ?> elementsDescriptor() {
    if (evictor != null) {
      return new ListStateDescriptor<>(CONTENTS_STATE, (Class) TimestampedValue.class);
    }
    return new ListStateDescriptor<>(CONTENTS_STATE, input.getType());
  }

  private <R> SingleOutputStreamOperator<R> build(
      StateDescriptor<? extends AppendingState<?, ?>, ?> contents,
      ProcessWindowFunction<?, R, K, W> function,
      TypeInformation<R> outType) {
    WindowSpec<T, K, W> spec =
        new WindowSpec<>(
            assigner, trigger, evictor, allowedLateness, lateDataTag, contents, function);
    String name =
        "Window("
            + assigner
            + ", "
            + trigger
            + (evictor == null ? "" : ", " + evictor)
            + ", "
            + function.getClass().getSimpleName()
            + ")";
    return input.transform(name, spec, outType);
  }

  private static void checkNotRich(Object function, String what) {
    if (function instanceof RichFunction) {
      throw new UnsupportedOperationException(
          "The function of a window's "
              + what
              + " cannot be a rich function; use a ProcessWindowFunction for open/close and state.");
    }
  }
}
