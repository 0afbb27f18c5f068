package io.eddy.testutils.harness;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.AggregateFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.WindowedStream;
import io.eddy.api.functions.windowing.ProcessWindowFunction;
import io.eddy.api.functions.windowing.WindowFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.StreamAccess;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.task.OperatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Configures a keyed window as {@code keyBy(...).window(assigner)} of a job does (trigger, evictor,
 * allowed lateness, late data to a side output), then, with the function that evaluates the windows
 * ({@code reduce}, {@code aggregate}, {@code process}, {@code apply}), gives the builder of a
 * harness running the window operator. Made by {@link FunctionHarnesses#forWindow}.
 *
 * <p>The operator is the one a job runs: the window is declared through the DataStream API's {@link
 * WindowedStream} (so the same checks, state and function wrapping apply), and the runtime's {@link
 * OperatorFactory} makes the operator from the resulting plan node. A job may additionally
 * pre-aggregate tumbling and sliding event-time windows before the shuffle ({@link
 * StreamExecutionEnvironment#setWindowPreAggregation}); that changes where the reduce runs, not
 * what the windows emit, and the harness runs the window without it.
 *
 * <p>Fired windows are records on the main output, timestamped with the window's {@code
 * maxTimestamp()}; late elements go to the side output of {@link #sideOutputLateData}.
 *
 * @param <T> element type
 * @param <K> key type
 * @param <W> window type
 */
public final class WindowHarnessBuilder<T, K, W extends Window> {
  private final KeySelector<T, K> keySelector;
  private final TypeInformation<K> keyType;
  private final WindowAssigner<? super T, W> assigner;
  private TypeInformation<T> elementType = TypeInformation.unknown();
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private Duration allowedLateness;
  private OutputTag<T> lateDataTag;

  WindowHarnessBuilder(
      KeySelector<T, K> keySelector,
      TypeInformation<K> keyType,
      WindowAssigner<? super T, W> assigner) {
    if (keySelector == null || keyType == null) {
      throw new IllegalArgumentException("a keyed window needs a key selector and the key type");
    }
    this.keySelector = keySelector;
    this.keyType = keyType;
    this.assigner = assigner;
  }

  /**
   * The type of the elements, which the window's state serializes (default: learned from each
   * element's class, which works for any value but writes larger snapshots).
   */
  public WindowHarnessBuilder<T, K, W> elementType(TypeInformation<T> elementType) {
    this.elementType = elementType;
    return this;
  }

  /** Replaces the assigner's default trigger ({@link WindowedStream#trigger}). */
  public WindowHarnessBuilder<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    this.trigger = trigger;
    return this;
  }

  /** Removes elements from a window when it fires ({@link WindowedStream#evictor}). */
  public WindowHarnessBuilder<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    this.evictor = evictor;
    return this;
  }

  /**
   * How long after its end a window takes late elements ({@link WindowedStream#allowedLateness}).
   */
  public WindowHarnessBuilder<T, K, W> allowedLateness(Duration lateness) {
    this.allowedLateness = lateness;
    return this;
  }

  /**
   * Sends elements too late for all their windows to side output {@code tag} ({@link
   * WindowedStream#sideOutputLateData}); read them with the harness's {@code getSideOutput(tag)}.
   */
  public WindowHarnessBuilder<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = tag;
    return this;
  }

  /** Each window's elements reduced to one value, incrementally ({@link WindowedStream#reduce}). */
  public OneInputOperatorHarness.Builder<T, T> reduce(ReduceFunction<T> reducer) {
    return build(w -> w.reduce(reducer));
  }

  /** Reduces incrementally, then hands the one value to {@code function} when a window fires. */
  public <R> OneInputOperatorHarness.Builder<T, R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    return build(w -> w.reduce(reducer, function));
  }

  /** Each window's elements aggregated incrementally ({@link WindowedStream#aggregate}). */
  public <ACC, V> OneInputOperatorHarness.Builder<T, V> aggregate(
      AggregateFunction<T, ACC, V> function) {
    return build(w -> w.aggregate(function));
  }

  /** Aggregates incrementally, then hands the result to {@code windowFunction} on firing. */
  public <ACC, V, R> OneInputOperatorHarness.Builder<T, R> aggregate(
      AggregateFunction<T, ACC, V> function, ProcessWindowFunction<V, R, K, W> windowFunction) {
    return build(w -> w.aggregate(function, windowFunction));
  }

  /** All elements of a window handed to {@code function} when it fires. */
  public <R> OneInputOperatorHarness.Builder<T, R> process(
      ProcessWindowFunction<T, R, K, W> function) {
    return build(w -> w.process(function));
  }

  /** All elements of a window, with its key and the window, handed to {@code function}. */
  public <R> OneInputOperatorHarness.Builder<T, R> apply(WindowFunction<T, R, K, W> function) {
    return build(w -> w.apply(function));
  }

  /**
   * Declares the window on a stream of a throwaway environment (nothing runs there), as a job
   * would, and makes the operator of the resulting plan node as the task does.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private <R> OneInputOperatorHarness.Builder<T, R> build(
      Function<WindowedStream<T, K, W>, SingleOutputStreamOperator<R>> evaluate) {
    WindowedStream<T, K, W> windowed =
        StreamExecutionEnvironment.getExecutionEnvironment()
            .fromCollection(List.<T>of(), elementType)
            .keyBy(keySelector, keyType)
            .window(assigner);
    if (trigger != null) {
      windowed.trigger(trigger);
    }
    if (evictor != null) {
      windowed.evictor(evictor);
    }
    if (allowedLateness != null) {
      windowed.allowedLateness(allowedLateness);
    }
    if (lateDataTag != null) {
      windowed.sideOutputLateData(lateDataTag);
    }
    OneInputTransformation<T, R> node =
        (OneInputTransformation<T, R>) StreamAccess.transformationOf(evaluate.apply(windowed));
    OneInputStreamOperator<T, R> operator =
        (OneInputStreamOperator<T, R>) OperatorFactory.create(node.getOperator(), null, 0);
    return OneInputOperatorHarness.builder(operator)
        .keyedBy((KeySelector<T, K>) node.getStateKeySelector(), keyType)
        .name(node.getName());
  }
}
