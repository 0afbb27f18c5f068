package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeHint;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.dag.ChainingStrategy;
import io.eddy.core.dag.SideOutputTransformation;
import io.eddy.core.dag.Transformation;
import io.eddy.core.internal.Preconditions;

/** A stream produced by one operator, whose properties can be set. */
@Public
public class SingleOutputStreamOperator<T> extends DataStream<T> {

  SingleOutputStreamOperator(
      StreamExecutionEnvironment environment, Transformation<T> transformation) {
    super(environment, transformation);
  }

  /** The name shown in logs, errors and the dashboard. */
  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(Preconditions.checkNotEmpty(name, "name"));
    return this;
  }

  /** A stable id that matches this operator's state across job versions (for savepoints). */
  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(Preconditions.checkNotEmpty(uid, "uid"));
    return this;
  }

  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    transformation.setParallelism(Preconditions.checkParallelism(parallelism));
    return this;
  }

  public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(Preconditions.checkMaxParallelism(maxParallelism));
    return this;
  }

  /** Operators in different slot sharing groups never share a slot. */
  public SingleOutputStreamOperator<T> slotSharingGroup(String group) {
    transformation.setSlotSharingGroup(Preconditions.checkNotEmpty(group, "slot sharing group"));
    return this;
  }

  /** Runs this operator in a task of its own, chained to neither neighbour. */
  public SingleOutputStreamOperator<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }

  /** Starts a new chain at this operator; later operators may chain to it. */
  public SingleOutputStreamOperator<T> startNewChain() {
    transformation.setChainingStrategy(ChainingStrategy.HEAD);
    return this;
  }

  /** Declares the output type where it cannot be learned, or to pick a faster serializer. */
  public SingleOutputStreamOperator<T> returns(Class<T> type) {
    return returns(TypeInformation.of(type));
  }

  public SingleOutputStreamOperator<T> returns(TypeHint<T> hint) {
    return returns(hint.getTypeInfo());
  }

  public SingleOutputStreamOperator<T> returns(TypeInformation<T> type) {
    transformation.setOutputType(type);
    return this;
  }

  /** The records this operator emitted to the side output {@code tag}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    return new DataStream<>(environment, new SideOutputTransformation<>(transformation, tag));
  }
}
