package io.eddy.testutils.harness;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.runtime.operators.OneInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Runs one operator with one input as one subtask, on the test thread: feed it elements and
 * watermarks, move processing time, read what it emits, snapshot it and restore a new harness from
 * the snapshot (at this or another parallelism). See {@link AbstractOperatorHarness} for threading
 * and lifecycle; {@link FunctionHarnesses} builds harnesses for user functions.
 *
 * <pre>{@code
 * OneInputOperatorHarness<String, String> h =
 *     OneInputOperatorHarness.builder(operator).keyedBy(keys, Types.STRING).build();
 * h.processElement("a", 1);
 * h.processWatermark(10);
 * }</pre>
 */
public final class OneInputOperatorHarness<IN, OUT> extends AbstractOperatorHarness<OUT> {
  private final OneInputStreamOperator<IN, OUT> operator;

  private OneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator, Builder<IN, OUT> b) {
    super(operator, b);
    this.operator = operator;
  }

  /** A builder of a harness that runs {@code operator} (a fresh instance, never set up). */
  public static <IN, OUT> Builder<IN, OUT> builder(OneInputStreamOperator<IN, OUT> operator) {
    return new Builder<>(operator);
  }

  /** The operator under test. */
  @Override
  public OneInputStreamOperator<IN, OUT> operator() {
    return operator;
  }

  /** Gives the operator {@code value} with event time {@code timestamp}. */
  public void processElement(IN value, long timestamp) throws Exception {
    processElement(new StreamRecord<>(value, timestamp));
  }

  /** Gives the operator {@code value} without a timestamp. */
  public void processElement(IN value) throws Exception {
    processElement(new StreamRecord<>(value));
  }

  private void processElement(StreamRecord<IN> record) throws Exception {
    operator.processElement(record);
    runMails();
  }

  /** Event time of the input reached {@code timestamp}: event-time timers up to it fire. */
  public void processWatermark(long timestamp) throws Exception {
    operator.processWatermark(new WatermarkElement(timestamp));
    runMails();
  }

  /** The input became idle ({@code idle}) or active again. */
  public void processWatermarkStatus(boolean idle) throws Exception {
    operator.processWatermarkStatus(WatermarkStatus.of(idle));
    runMails();
  }

  /** Builds a {@link OneInputOperatorHarness}; see {@link AbstractOperatorHarness.Builder}. */
  public static final class Builder<IN, OUT>
      extends AbstractOperatorHarness.Builder<Builder<IN, OUT>> {
    private final OneInputStreamOperator<IN, OUT> operator;

    private Builder(OneInputStreamOperator<IN, OUT> operator) {
      this.operator = operator;
    }

    /**
     * Makes the operator keyed by {@code keySelector}, with keys of type {@code keyType}: it gets a
     * keyed state backend for this subtask's key groups, and its keyed state can be snapshotted.
     */
    public <K> Builder<IN, OUT> keyedBy(
        KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
      keyed(keySelector, null, keyType);
      return this;
    }

    /** {@link #keyedBy(KeySelector, TypeInformation)} with {@code TypeInformation.of(keyType)}. */
    public <K> Builder<IN, OUT> keyedBy(KeySelector<IN, K> keySelector, Class<K> keyType) {
      return keyedBy(keySelector, TypeInformation.of(keyType));
    }

    /**
     * Makes the operator keyed by {@code keySelector} without naming the key type: everything works
     * except snapshots of keyed state.
     */
    public Builder<IN, OUT> keyedBy(KeySelector<IN, ?> keySelector) {
      keyed(keySelector, null, null);
      return this;
    }

    /** The operator with its name and keys, as one step of a {@link ChainHarness}. */
    Step step() {
      return new Step(operator, name, keySelector, null, keySerializer);
    }

    /**
     * Sets the operator up, restores it (from {@code restoreFrom}, else as a fresh start) and opens
     * it. An exception of any of these steps is thrown here, after closing the operator.
     */
    public OneInputOperatorHarness<IN, OUT> build() throws Exception {
      check();
      OneInputOperatorHarness<IN, OUT> harness = new OneInputOperatorHarness<>(operator, this);
      harness.start(this);
      return harness;
    }
  }
}
