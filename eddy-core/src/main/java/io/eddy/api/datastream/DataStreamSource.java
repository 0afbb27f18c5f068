package io.eddy.api.datastream;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.core.dag.SourceTransformation;

/** The stream a source produces. */
@Public
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
  DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> t) {
    super(environment, t);
  }
}
