package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical plan the DataStream API builds: what an operation is, not how it runs. The
 * runtime compiles transformations into a StreamGraph and then a JobGraph.
 */
@Internal
public abstract class Transformation<T> {
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final int id = NEXT_ID.incrementAndGet();
  private String name;
  private String uid;
  private int parallelism = -1;
  private int maxParallelism = -1;
  private TypeInformation<T> outputType;
  private String slotSharingGroup;
  private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

  protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
    this.name = name;
    this.outputType = outputType;
    this.parallelism = parallelism;
  }

  /** The transformations this one reads from. */
  public abstract List<Transformation<?>> getInputs();

  public int getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  /** The parallelism, or -1 for the environment's default. */
  public int getParallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    this.parallelism = parallelism;
  }

  /** The maximum parallelism (number of key groups), or -1 for the environment's default. */
  public int getMaxParallelism() {
    return maxParallelism;
  }

  public void setMaxParallelism(int maxParallelism) {
    this.maxParallelism = maxParallelism;
  }

  public TypeInformation<T> getOutputType() {
    return outputType;
  }

  public void setOutputType(TypeInformation<T> outputType) {
    this.outputType = outputType;
  }

  /** The slot sharing group, or null to inherit from the inputs ("default" for sources). */
  public String getSlotSharingGroup() {
    return slotSharingGroup;
  }

  public void setSlotSharingGroup(String slotSharingGroup) {
    this.slotSharingGroup = slotSharingGroup;
  }

  public ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }

  public void setChainingStrategy(ChainingStrategy chainingStrategy) {
    this.chainingStrategy = chainingStrategy;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
  }
}
