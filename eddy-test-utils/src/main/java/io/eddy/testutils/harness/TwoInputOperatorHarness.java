package io.eddy.testutils.harness;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.runtime.operators.TwoInputStreamOperator;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Runs one operator with two inputs (connected, co-keyed, broadcast or joined streams) as one
 * subtask on the test thread. Each input has its own elements, watermarks and idleness; the
 * operator combines the two inputs' watermarks as in a job. See {@link AbstractOperatorHarness} for
 * threading, lifecycle, output, processing time and snapshots.
 */
public final class TwoInputOperatorHarness<IN1, IN2, OUT> extends AbstractOperatorHarness<OUT> {
  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;

  private TwoInputOperatorHarness(
      TwoInputStreamOperator<IN1, IN2, OUT> operator, Builder<IN1, IN2, OUT> b) {
    super(operator, b);
    this.operator = operator;
  }

  /** A builder of a harness that runs {@code operator} (a fresh instance, never set up). */
  public static <IN1, IN2, OUT> Builder<IN1, IN2, OUT> builder(
      TwoInputStreamOperator<IN1, IN2, OUT> operator) {
    return new Builder<>(operator);
  }

  /** The operator under test. */
  @Override
  public TwoInputStreamOperator<IN1, IN2, OUT> operator() {
    return operator;
  }

  /** Gives the first input {@code value} with event time {@code timestamp}. */
  public void processElement1(IN1 value, long timestamp) throws Exception {
    operator.processElement1(new StreamRecord<>(value, timestamp));
    runMails();
  }

  /** Gives the first input {@code value} without a timestamp. */
  public void processElement1(IN1 value) throws Exception {
    operator.processElement1(new StreamRecord<>(value));
    runMails();
  }

  /** Gives the second input {@code value} with event time {@code timestamp}. */
  public void processElement2(IN2 value, long timestamp) throws Exception {
    operator.processElement2(new StreamRecord<>(value, timestamp));
    runMails();
  }

  /** Gives the second input {@code value} without a timestamp. */
  public void processElement2(IN2 value) throws Exception {
    operator.processElement2(new StreamRecord<>(value));
    runMails();
  }

  /** Event time of the first input reached {@code timestamp}. */
  public void processWatermark1(long timestamp) throws Exception {
    operator.processWatermark1(new WatermarkElement(timestamp));
    runMails();
  }

  /** Event time of the second input reached {@code timestamp}. */
  public void processWatermark2(long timestamp) throws Exception {
    operator.processWatermark2(new WatermarkElement(timestamp));
    runMails();
  }

  /** The first input became idle ({@code idle}) or active again. */
  public void processWatermarkStatus1(boolean idle) throws Exception {
    operator.processWatermarkStatus1(WatermarkStatus.of(idle));
    runMails();
  }

  /** The second input became idle ({@code idle}) or active again. */
  public void processWatermarkStatus2(boolean idle) throws Exception {
    operator.processWatermarkStatus2(WatermarkStatus.of(idle));
    runMails();
  }

  /** Builds a {@link TwoInputOperatorHarness}; see {@link AbstractOperatorHarness.Builder}. */
  public static final class Builder<IN1, IN2, OUT>
      extends AbstractOperatorHarness.Builder<Builder<IN1, IN2, OUT>> {
    private final TwoInputStreamOperator<IN1, IN2, OUT> operator;

    private Builder(TwoInputStreamOperator<IN1, IN2, OUT> operator) {
      this.operator = operator;
    }

    /**
     * Makes the operator keyed: {@code key1} and {@code key2} give the keys (of type {@code
     * keyType}) of the first and second input's elements.
     */
    public <K> Builder<IN1, IN2, OUT> keyedBy(
        KeySelector<IN1, K> key1, KeySelector<IN2, K> key2, TypeInformation<K> keyType) {
      keyed(key1, key2, keyType);
      return this;
    }

    /** {@link #keyedBy(KeySelector, KeySelector, TypeInformation)} with a class. */
    public <K> Builder<IN1, IN2, OUT> keyedBy(
        KeySelector<IN1, K> key1, KeySelector<IN2, K> key2, Class<K> keyType) {
      return keyedBy(key1, key2, TypeInformation.of(keyType));
    }

    /**
     * Makes the operator keyed by the first input's {@code key1} only (a keyed broadcast operator,
     * whose second input is broadcast and has no key), with keys of type {@code keyType}.
     */
    public <K> Builder<IN1, IN2, OUT> keyedByFirstInput(
        KeySelector<IN1, K> key1, TypeInformation<K> keyType) {
      keyed(key1, null, keyType);
      return this;
    }

    /**
     * Makes the operator keyed without naming the key type ({@code key2} may be null for a keyed
     * broadcast operator): everything works except snapshots of keyed state.
     */
    public Builder<IN1, IN2, OUT> keyedBy(KeySelector<IN1, ?> key1, KeySelector<IN2, ?> key2) {
      keyed(key1, key2, null);
      return this;
    }

    /**
     * Sets the operator up, restores it (from {@code restoreFrom}, else as a fresh start) and opens
     * it. An exception of any of these steps is thrown here, after closing the operator.
     */
    public TwoInputOperatorHarness<IN1, IN2, OUT> build() throws Exception {
      check();
      TwoInputOperatorHarness<IN1, IN2, OUT> harness =
          new TwoInputOperatorHarness<>(operator, this);
      harness.start(this);
      return harness;
    }
  }
}
