package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.dag.TwoInputTransformation;
import io.eddy.core.dag.ops.OperatorSpec;

/** Checks and builds shared by the two-input APIs (connect, broadcast, interval join). */
final class TwoInputs {
  private TwoInputs() {}

  static void requireSameEnvironment(DataStream<?> first, StreamExecutionEnvironment second) {
    if (first.getExecutionEnvironment() != second) {
      throw new IllegalArgumentException(
          "Cannot connect streams of different execution environments: build both streams from"
              + " the same StreamExecutionEnvironment.");
    }
  }

  /**
   * Fails unless both key types are the same. A type that could not be learned (unknown) matches
   * any other, since its serializer handles every value.
   */
  static void requireSameKeyType(TypeInformation<?> first, TypeInformation<?> second, String op) {
    if (first.isKnown()
        && second.isKnown()
        && !first.getTypeClass().equals(second.getTypeClass())) {
      throw new IllegalArgumentException(
          op
              + " needs both inputs keyed by the same key type, but the first is keyed by "
              + first
              + " and the second by "
              + second
              + ": make both key selectors return the same type.");
    }
  }

  /**
   * A two-input operator reading {@code in1} and {@code in2}; keyed when both are keyed streams
   * (and then keyed by both keys), or when only {@code in1} is and {@code keyFirstOnly} is set (the
   * keyed side of a broadcast connection).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <IN1, IN2, OUT> SingleOutputStreamOperator<OUT> transform(
      DataStream<IN1> in1,
      DataStream<IN2> in2,
      String name,
      OperatorSpec spec,
      TypeInformation<OUT> outputType,
      boolean keyFirstOnly) {
    StreamExecutionEnvironment env = in1.getExecutionEnvironment();
    TwoInputTransformation<IN1, IN2, OUT> t =
        new TwoInputTransformation<>(
            in1.getTransformation(),
            in2.getTransformation(),
            name,
            spec,
            outputType,
            env.getParallelism());
    if (in1 instanceof KeyedStream k1) {
      if (in2 instanceof KeyedStream k2) {
        requireSameKeyType(k1.getKeyType(), k2.getKeyType(), name);
        t.setStateKeys(k1.getKeySelector(), k2.getKeySelector(), k1.getKeyType());
      } else if (keyFirstOnly) {
        t.setStateKeys(k1.getKeySelector(), null, k1.getKeyType());
      }
    }
    return new SingleOutputStreamOperator<>(env, t);
  }
}
