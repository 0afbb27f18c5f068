package io.eddy.e2e.jobs;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;

/**
 * A slow endless keyed job (source, then keyed map and sink): two vertices at the job's
 * parallelism.
 */
public final class EndlessKeyedJob {
  private EndlessKeyedJob() {}

  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromGenerator(i -> i, Long.MAX_VALUE, 100)
        .uid("numbers")
        .keyBy(new Modulo())
        .map(new Doubling())
        .uid("double")
        .sinkToDiscarding()
        .uid("sink");
    env.execute("endless keyed");
  }

  static final class Modulo implements KeySelector<Long, Long> {
    @Override
    public Long getKey(Long value) {
      return value % 64;
    }
  }

  static final class Doubling implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) {
      return value * 2;
    }
  }
}
