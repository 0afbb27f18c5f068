package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.core.dag.ops.OperatorSpec;
import java.util.List;

/** Ends a stream in a sink. */
@Internal
public final class SinkTransformation<T> extends Transformation<Void> {
  private final Transformation<T> input;
  private final OperatorSpec sink;

  public SinkTransformation(
      Transformation<T> input, String name, OperatorSpec sink, int parallelism) {
    super(name, null, parallelism);
    this.input = input;
    this.sink = sink;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public OperatorSpec getSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
