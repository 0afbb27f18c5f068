package io.eddy.runtime.graph;

import io.eddy.api.common.state.StateBackendSettings;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.dag.PartitionSpec;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a task needs to build its operator chain and its network endpoints. Holds user code,
 * so it travels to TaskManagers serialized and is read back with the job's class loader.
 *
 * @param operators the chain, head first; every operator comes after the one feeding it
 * @param inputs serializers of the task's input edges, in input order
 * @param outputs the task's network outputs, in output order
 * @param inputTypeNumbers for each input edge, the head's input it feeds: 0 for a one-input head, 1
 *     or 2 for a two-input head
 * @param stateBackend the state backend the job chose for its keyed operators, or null for the
 *     TaskManager's
 */
public record VertexConfig(
    List<OperatorConfig> operators,
    List<TypeSerializer<?>> inputs,
    List<OutputConfig> outputs,
    List<Integer> inputTypeNumbers,
    StateBackendSettings stateBackend)
    implements Serializable {

  /** A task with the TaskManager's state backend. */
  public VertexConfig(
      List<OperatorConfig> operators,
      List<TypeSerializer<?>> inputs,
      List<OutputConfig> outputs,
      List<Integer> inputTypeNumbers) {
    this(operators, inputs, outputs, inputTypeNumbers, null);
  }

  /** A task whose head has one input (or none). */
  public VertexConfig(
      List<OperatorConfig> operators, List<TypeSerializer<?>> inputs, List<OutputConfig> outputs) {
    this(operators, inputs, outputs, java.util.Collections.nCopies(inputs.size(), 0));
  }

  /**
   * A network output.
   *
   * @param partitioning how records are routed
   * @param serializer serializer of the records
   * @param consumerParallelism parallelism of the consumer
   * @param consumerMaxParallelism key groups of the consumer (for key partitioning)
   */
  public record OutputConfig(
      PartitionSpec partitioning,
      TypeSerializer<?> serializer,
      int consumerParallelism,
      int consumerMaxParallelism)
      implements Serializable {}
}
