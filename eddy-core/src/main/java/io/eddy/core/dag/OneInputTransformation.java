package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.dag.ops.OperatorSpec;
import java.util.List;

/**
 * Applies an operator to one input. When the input is keyed, {@link #getStateKeySelector()} gives
 * the key under which the operator keeps state.
 */
@Internal
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
  private final Transformation<IN> input;
  private final OperatorSpec operator;
  private KeySelector<IN, ?> stateKeySelector;
  private TypeInformation<?> stateKeyType;

  public OneInputTransformation(
      Transformation<IN> input,
      String name,
      OperatorSpec operator,
      TypeInformation<OUT> outputType,
      int parallelism) {
    super(name, outputType, parallelism);
    this.input = input;
    this.operator = operator;
  }

  public Transformation<IN> getInput() {
    return input;
  }

  public OperatorSpec getOperator() {
    return operator;
  }

  public KeySelector<IN, ?> getStateKeySelector() {
    return stateKeySelector;
  }

  public TypeInformation<?> getStateKeyType() {
    return stateKeyType;
  }

  public void setStateKey(KeySelector<IN, ?> selector, TypeInformation<?> keyType) {
    this.stateKeySelector = selector;
    this.stateKeyType = keyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
