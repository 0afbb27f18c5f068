package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import java.util.List;

/** Changes how records travel from the input's subtasks to the consumer's subtasks. */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {
  private final Transformation<T> input;
  private final PartitionSpec partitioning;

  public PartitionTransformation(Transformation<T> input, PartitionSpec partitioning) {
    super("Partition", input.getOutputType(), input.getParallelism());
    this.input = input;
    this.partitioning = partitioning;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public PartitionSpec getPartitioning() {
    return partitioning;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
