package io.eddy.testutils.harness;

import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.CoProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedCoProcessFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.windows.Window;
import io.eddy.runtime.operators.KeyedProcessOperator;
import io.eddy.runtime.operators.ProcessOperator;
import io.eddy.runtime.operators.StreamFlatMap;
import io.eddy.runtime.operators.StreamMap;
import io.eddy.runtime.operators.co.CoBroadcastWithKeyedOperator;
import io.eddy.runtime.operators.co.CoBroadcastWithNonKeyedOperator;
import io.eddy.runtime.operators.co.CoProcessOperator;
import io.eddy.runtime.operators.co.KeyedCoProcessOperator;
import java.util.List;

/**
 * Harnesses for user functions: each wraps the function in the operator the runtime would run it
 * in, so a test needs to know no operators. Each returns a builder, to set parallelism, subtask or
 * a snapshot to restore from before {@code build()} (see {@link ChainHarness} to run several
 * functions chained):
 *
 * <pre>{@code
 * OneInputOperatorHarness<String, String> h =
 *     FunctionHarnesses.forKeyedProcessFunction(new MyFunction(), v -> v, Types.STRING).build();
 * }</pre>
 */
public final class FunctionHarnesses {
  private FunctionHarnesses() {}

  /** A harness for a {@link ProcessFunction} on a stream that is not keyed. */
  public static <IN, OUT> OneInputOperatorHarness.Builder<IN, OUT> forProcessFunction(
      ProcessFunction<IN, OUT> function) {
    return OneInputOperatorHarness.builder(new ProcessOperator<>(function));
  }

  /**
   * A harness for a {@link KeyedProcessFunction} on a stream keyed by {@code keySelector}, whose
   * keys are of type {@code keyType}: keyed state and timers work and are snapshotted.
   */
  public static <K, IN, OUT> OneInputOperatorHarness.Builder<IN, OUT> forKeyedProcessFunction(
      KeyedProcessFunction<K, IN, OUT> function,
      KeySelector<IN, K> keySelector,
      TypeInformation<K> keyType) {
    return OneInputOperatorHarness.builder(new KeyedProcessOperator<K, IN, OUT>(function))
        .keyedBy(keySelector, keyType);
  }

  /** A harness for a {@link MapFunction} (which may be a rich or checkpointed function). */
  public static <IN, OUT> OneInputOperatorHarness.Builder<IN, OUT> forMap(
      MapFunction<IN, OUT> function) {
    return OneInputOperatorHarness.builder(new StreamMap<>(function));
  }

  /** A harness for a {@link FlatMapFunction} (which may be a rich or checkpointed function). */
  public static <IN, OUT> OneInputOperatorHarness.Builder<IN, OUT> forFlatMap(
      FlatMapFunction<IN, OUT> function) {
    return OneInputOperatorHarness.builder(new StreamFlatMap<>(function));
  }

  /**
   * A harness for the function of a keyed window: elements keyed by {@code keySelector} (keys of
   * type {@code keyType}) go into the windows of {@code assigner}. Configure the window as on a
   * {@code WindowedStream} and end with the function that evaluates it:
   *
   * <pre>{@code
   * OneInputOperatorHarness<Click, Click> h =
   *     FunctionHarnesses.forWindow(Click::user, Types.STRING, TumblingEventTimeWindows.of(ten))
   *         .sideOutputLateData(late)
   *         .reduce((a, b) -> a.plus(b))
   *         .build();
   * }</pre>
   *
   * @see WindowHarnessBuilder
   */
  public static <T, K, W extends Window> WindowHarnessBuilder<T, K, W> forWindow(
      KeySelector<T, K> keySelector,
      TypeInformation<K> keyType,
      WindowAssigner<? super T, W> assigner) {
    return new WindowHarnessBuilder<>(keySelector, keyType, assigner);
  }

  /** A harness for a {@link CoProcessFunction} on connected streams that are not keyed. */
  public static <IN1, IN2, OUT> TwoInputOperatorHarness.Builder<IN1, IN2, OUT> forCoProcessFunction(
      CoProcessFunction<IN1, IN2, OUT> function) {
    return TwoInputOperatorHarness.builder(new CoProcessOperator<>(function));
  }

  /**
   * A harness for a {@link KeyedCoProcessFunction} on connected streams keyed by {@code key1} and
   * {@code key2}, with keys of type {@code keyType}.
   */
  public static <K, IN1, IN2, OUT>
      TwoInputOperatorHarness.Builder<IN1, IN2, OUT> forKeyedCoProcessFunction(
          KeyedCoProcessFunction<K, IN1, IN2, OUT> function,
          KeySelector<IN1, K> key1,
          KeySelector<IN2, K> key2,
          TypeInformation<K> keyType) {
    return TwoInputOperatorHarness.builder(new KeyedCoProcessOperator<K, IN1, IN2, OUT>(function))
        .keyedBy(key1, key2, keyType);
  }

  /**
   * A harness for a {@link BroadcastProcessFunction}: the first input is the non-broadcast stream,
   * the second the broadcast one, whose states are {@code descriptors}.
   */
  public static <IN1, IN2, OUT>
      TwoInputOperatorHarness.Builder<IN1, IN2, OUT> forBroadcastProcessFunction(
          BroadcastProcessFunction<IN1, IN2, OUT> function,
          MapStateDescriptor<?, ?>... descriptors) {
    return TwoInputOperatorHarness.builder(
        new CoBroadcastWithNonKeyedOperator<>(function, List.of(descriptors)));
  }

  /**
   * A harness for a {@link KeyedBroadcastProcessFunction}: the first input is the keyed stream
   * (keys by {@code keySelector}, of type {@code keyType}), the second the broadcast one, whose
   * states are {@code descriptors}.
   */
  public static <K, IN1, IN2, OUT>
      TwoInputOperatorHarness.Builder<IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
          KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
          KeySelector<IN1, K> keySelector,
          TypeInformation<K> keyType,
          MapStateDescriptor<?, ?>... descriptors) {
    return TwoInputOperatorHarness.builder(
            new CoBroadcastWithKeyedOperator<>(function, List.of(descriptors)))
        .keyedByFirstInput(keySelector, keyType);
  }
}
