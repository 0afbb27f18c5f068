package io.eddy.core.dag;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.connector.source.Source;
import java.util.List;

/** Reads a {@link Source}. */
public final class SourceTransformation<T> extends Transformation<T> {
  private final Source<T, ?, ?> source;

  public SourceTransformation(
      String name, Source<T, ?, ?> source, TypeInformation<T> outputType, int parallelism) {
    super(name, outputType, parallelism);
    this.source = source;
  }

  public Source<T, ?, ?> getSource() {
    return source;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
