package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.datastream.OutputTag;
import java.util.List;

/** Selects the records an operator emitted to a side output. Not an operator, only an edge. */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {
  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
    super("SideOutput(" + tag.getId() + ")", tag.getTypeInfo(), input.getParallelism());
    this.input = input;
    this.tag = tag;
  }

  public Transformation<?> getInput() {
    return input;
  }

  public OutputTag<T> getTag() {
    return tag;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
