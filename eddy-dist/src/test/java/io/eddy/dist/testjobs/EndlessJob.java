package io.eddy.dist.testjobs;

import io.eddy.api.StreamExecutionEnvironment;

/** A job that runs until cancelled or stopped, checkpointing every 100 ms. */
public final class EndlessJob {
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(100);
    env.fromGenerator(i -> i, Long.MAX_VALUE, 200).uid("numbers").sinkToDiscarding().uid("sink");
    env.execute(args.length > 0 ? args[0] : "endless");
  }
}
