package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.connector.source.Source;
import java.util.List;

/**
 * Reads a {@link Source}, with an optional {@link WatermarkStrategy} applied by each reader (null:
 * records keep the source's timestamps and only the final watermark is emitted).
 */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {
  private final Source<T, ?, ?> source;
  private final WatermarkStrategy<T> watermarkStrategy;

  public SourceTransformation(
      String name, Source<T, ?, ?> source, TypeInformation<T> outputType, int parallelism) {
    this(name, source, null, outputType, parallelism);
  }

  public SourceTransformation(
      String name,
      Source<T, ?, ?> source,
      WatermarkStrategy<T> watermarkStrategy,
      TypeInformation<T> outputType,
      int parallelism) {
    super(name, outputType, parallelism);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
  }

  /** The strategy the source's readers apply, or null. */
  public WatermarkStrategy<T> getWatermarkStrategy() {
    return watermarkStrategy;
  }

  public Source<T, ?, ?> getSource() {
    return source;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
