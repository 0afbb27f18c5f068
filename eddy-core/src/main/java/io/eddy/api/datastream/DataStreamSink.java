package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.core.dag.ChainingStrategy;
import io.eddy.core.dag.SinkTransformation;
import io.eddy.core.internal.Preconditions;

/** The end of a stream in a sink, whose properties can be set. */
@Public
public class DataStreamSink<T> {
  private final SinkTransformation<T> transformation;

  DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  SinkTransformation<T> getTransformation() {
    return transformation;
  }

  public DataStreamSink<T> name(String name) {
    transformation.setName(Preconditions.checkNotEmpty(name, "name"));
    return this;
  }

  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(Preconditions.checkNotEmpty(uid, "uid"));
    return this;
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(Preconditions.checkParallelism(parallelism));
    return this;
  }

  public DataStreamSink<T> slotSharingGroup(String group) {
    transformation.setSlotSharingGroup(Preconditions.checkNotEmpty(group, "slot sharing group"));
    return this;
  }

  public DataStreamSink<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }
}
