package io.eddy.testutils.harness;

import io.eddy.api.common.functions.FilterFunction;
import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.runtime.operators.KeyedProcessOperator;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.operators.ProcessOperator;
import io.eddy.runtime.operators.StreamFilter;
import io.eddy.runtime.operators.StreamFlatMap;
import io.eddy.runtime.operators.StreamMap;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a linear chain of one-input operators as one subtask on the test thread, as a task runs its
 * operator chain: each operator's records (as objects, not copied), watermarks and idleness go to
 * the next one by a direct call. The harness's input goes to the first operator; its main output
 * (records and watermarks) is the last operator's; the side outputs of every operator are recorded.
 * A snapshot holds the state of all operators, and a harness of the same chain restores from it at
 * this or another parallelism. See {@link AbstractOperatorHarness} for threading, lifecycle,
 * output, processing time (one clock for the whole chain) and snapshots.
 *
 * <pre>{@code
 * ChainHarness<String, String> h =
 *     ChainHarness.<String>builder()
 *         .map(String::trim)
 *         .keyedProcess(new CountPerKey(), v -> v, Types.STRING)
 *         .filter(v -> !v.isEmpty())
 *         .build();
 * }</pre>
 *
 * <p>Keyed steps: each keyed operator has its own keyed state over the subtask's key groups. In a
 * job, a keyed operator follows a {@code keyBy} that sends each record to the subtask owning its
 * key; the chain passes records on directly, so at a parallelism above 1 give the harness only
 * elements whose keys at the keyed steps this subtask owns ({@link #ownsKey}).
 */
public final class ChainHarness<IN, OUT> extends AbstractOperatorHarness<OUT> {
  private final OneInputStreamOperator<IN, ?> head;

  @SuppressWarnings("unchecked")
  private ChainHarness(List<Step> steps, Builder<IN, OUT> settings) {
    super(steps, settings);
    this.head = (OneInputStreamOperator<IN, ?>) head();
  }

  /** A builder of a chain whose input is of type {@code IN}; add steps, then {@code build()}. */
  public static <IN> Builder<IN, IN> builder() {
    return new Builder<>();
  }

  /** {@link #builder()} with the input type given as a class, for type inference. */
  public static <IN> Builder<IN, IN> builder(Class<IN> inputType) {
    return new Builder<>();
  }

  /** The number of operators in the chain. */
  public int size() {
    return operatorCount();
  }

  /** Operator {@code index} of the chain (0: the first, which takes the harness's input). */
  public StreamOperator<?> operator(int index) {
    return operatorAt(index);
  }

  /** The keyed state backend of operator {@code index}, or null if that operator is not keyed. */
  public KeyedStateBackend<?> keyedStateBackend(int index) {
    return keyedStateBackendAt(index);
  }

  /** Gives the first operator {@code value} with event time {@code timestamp}. */
  public void processElement(IN value, long timestamp) throws Exception {
    head.processElement(new StreamRecord<>(value, timestamp));
    runMails();
  }

  /** Gives the first operator {@code value} without a timestamp. */
  public void processElement(IN value) throws Exception {
    head.processElement(new StreamRecord<>(value));
    runMails();
  }

  /** Event time of the input reached {@code timestamp}; the watermark flows down the chain. */
  public void processWatermark(long timestamp) throws Exception {
    head.processWatermark(new WatermarkElement(timestamp));
    runMails();
  }

  /** The input became idle ({@code idle}) or active again. */
  public void processWatermarkStatus(boolean idle) throws Exception {
    head.processWatermarkStatus(WatermarkStatus.of(idle));
    runMails();
  }

  /**
   * Builds a {@link ChainHarness}: the steps, head first, then the settings of {@link
   * AbstractOperatorHarness.Builder} (which hold for the whole chain). {@code OUT} is the output
   * type of the chain so far. Each step is a fresh operator; build a new chain to restore.
   */
  public static final class Builder<IN, OUT>
      extends AbstractOperatorHarness.Builder<Builder<IN, OUT>> {
    private final List<Step> steps = new ArrayList<>();

    private Builder() {}

    @SuppressWarnings("unchecked")
    private <R> Builder<IN, R> add(Step step) {
      steps.add(step);
      return (Builder<IN, R>) this;
    }

    private <R> Builder<IN, R> add(StreamOperator<R> operator, String name) {
      return add(new Step(operator, name, null, null, null));
    }

    /** Appends a {@link MapFunction}. */
    public <R> Builder<IN, R> map(MapFunction<OUT, R> function) {
      return add(new StreamMap<>(function), "Map");
    }

    /** Appends a {@link FlatMapFunction}. */
    public <R> Builder<IN, R> flatMap(FlatMapFunction<OUT, R> function) {
      return add(new StreamFlatMap<>(function), "Flat Map");
    }

    /** Appends a {@link FilterFunction}. */
    public Builder<IN, OUT> filter(FilterFunction<OUT> function) {
      return add(new StreamFilter<>(function), "Filter");
    }

    /** Appends a {@link ProcessFunction} of a stream that is not keyed. */
    public <R> Builder<IN, R> process(ProcessFunction<OUT, R> function) {
      return add(new ProcessOperator<>(function), "Process");
    }

    /**
     * Appends a {@link KeyedProcessFunction}, keyed by {@code keySelector} (keys of type {@code
     * keyType}) applied to the records the step before emits.
     */
    public <K, R> Builder<IN, R> keyedProcess(
        KeyedProcessFunction<K, OUT, R> function,
        KeySelector<OUT, K> keySelector,
        TypeInformation<K> keyType) {
      return thenKeyed(new KeyedProcessOperator<K, OUT, R>(function), keySelector, keyType);
    }

    /** Appends {@code operator} (a fresh instance, never set up), not keyed. */
    public <R> Builder<IN, R> then(OneInputStreamOperator<OUT, R> operator) {
      return add(operator, operator.getClass().getSimpleName());
    }

    /** Appends {@code operator} (a fresh instance), keyed by {@code keySelector}. */
    public <K, R> Builder<IN, R> thenKeyed(
        OneInputStreamOperator<OUT, R> operator,
        KeySelector<OUT, K> keySelector,
        TypeInformation<K> keyType) {
      String name = operator.getClass().getSimpleName();
      return add(new Step(operator, name, keySelector, null, keyType.createSerializer()));
    }

    /**
     * Appends the operator of a one-input harness builder, e.g. of {@link FunctionHarnesses} (a
     * window from {@link FunctionHarnesses#forWindow}), with its name and keys. Only those are
     * taken from {@code step}: parallelism, subtask, restore and the other settings are the
     * chain's.
     */
    public <R> Builder<IN, R> then(OneInputOperatorHarness.Builder<OUT, R> step) {
      return add(step.step());
    }

    /**
     * Sets the operators up (tail first, as the task does), restores them (from {@code
     * restoreFrom}, a snapshot of a chain of as many operators, else as a fresh start) and opens
     * them. An exception of any of these steps is thrown here, after closing the operators.
     *
     * @throws IllegalStateException if the chain has no step
     */
    public ChainHarness<IN, OUT> build() throws Exception {
      if (steps.isEmpty()) {
        throw new IllegalStateException("a chain needs at least one step");
      }
      check();
      ChainHarness<IN, OUT> harness = new ChainHarness<>(List.copyOf(steps), this);
      harness.start(this);
      return harness;
    }
  }
}
