package io.eddy.runtime.operators;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.testutils.harness.OneInputOperatorHarness;
import io.eddy.testutils.harness.TwoInputOperatorHarness;

/**
 * The published harnesses as the operator tests use them: subtask 0 of 1, keyed (without key type,
 * so without keyed snapshots) if a key selector is given.
 */
public final class TestHarnesses {
  private TestHarnesses() {}

  /** A harness running {@code operator}, keyed by {@code keys} unless it is null. */
  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> oneInput(
      OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, ?> keys) throws Exception {
    OneInputOperatorHarness.Builder<IN, OUT> builder = OneInputOperatorHarness.builder(operator);
    if (keys != null) {
      builder.keyedBy(keys);
    }
    return builder.build();
  }

  /** A harness running {@code operator}, keyed by {@code key1} (and {@code key2}) unless null. */
  public static <IN1, IN2, OUT> TwoInputOperatorHarness<IN1, IN2, OUT> twoInput(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, ?> key1,
      KeySelector<IN2, ?> key2)
      throws Exception {
    TwoInputOperatorHarness.Builder<IN1, IN2, OUT> builder =
        TwoInputOperatorHarness.builder(operator);
    if (key1 != null) {
      builder.keyedBy(key1, key2);
    }
    return builder.build();
  }
}
