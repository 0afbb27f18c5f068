package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.dag.ops.OperatorSpec;
import java.util.List;

/**
 * An operator with two inputs ({@code connect}, broadcast state, interval join). Each input may
 * carry its own state key selector; a keyed two-input operator keeps one keyed state for both
 * inputs, so both keys have the same type. The runtime never chains a two-input operator to its
 * inputs.
 */
@Internal
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final OperatorSpec operator;
  private KeySelector<IN1, ?> stateKeySelector1;
  private KeySelector<IN2, ?> stateKeySelector2;
  private TypeInformation<?> stateKeyType;

  public TwoInputTransformation(
      Transformation<IN1> input1,
      Transformation<IN2> input2,
      String name,
      OperatorSpec operator,
      TypeInformation<OUT> outputType,
      int parallelism) {
    super(name, outputType, parallelism);
    this.input1 = input1;
    this.input2 = input2;
    this.operator = operator;
  }

  public Transformation<IN1> getInput1() {
    return input1;
  }

  public Transformation<IN2> getInput2() {
    return input2;
  }

  public OperatorSpec getOperator() {
    return operator;
  }

  /** The key of the first input's records, or null if that input is not keyed. */
  public KeySelector<IN1, ?> getStateKeySelector1() {
    return stateKeySelector1;
  }

  /** The key of the second input's records, or null (e.g. the broadcast side). */
  public KeySelector<IN2, ?> getStateKeySelector2() {
    return stateKeySelector2;
  }

  /** The type of the state key, or null if the operator is not keyed. */
  public TypeInformation<?> getStateKeyType() {
    return stateKeyType;
  }

  /**
   * Makes the operator keyed: records of input 1 (2) are keyed by {@code selector1} ({@code
   * selector2}); either may be null for an input whose records have no key context.
   */
  public void setStateKeys(
      KeySelector<IN1, ?> selector1, KeySelector<IN2, ?> selector2, TypeInformation<?> keyType) {
    this.stateKeySelector1 = selector1;
    this.stateKeySelector2 = selector2;
    this.stateKeyType = keyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input1, input2);
  }
}
