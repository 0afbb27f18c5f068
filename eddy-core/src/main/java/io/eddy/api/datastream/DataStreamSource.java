package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.core.dag.SourceTransformation;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
  public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> t) {
    super(environment, t);
  }
}
