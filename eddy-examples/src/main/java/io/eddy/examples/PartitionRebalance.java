package io.eddy.examples;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.java.tuple.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tags each line of a text file with a partition number from its hash, {@code (line, 0..3)}, then
 * spreads the tagged lines round-robin over the parallel printers with {@code rebalance()}.
 *
 * <pre>
 * PartitionRebalance --input PATH [--parallelism N]
 * </pre>
 */
public final class PartitionRebalance {
  static final String USAGE = "PartitionRebalance --input PATH [--parallelism N]";
  static final int PARTITIONS = 4;

  private PartitionRebalance() {}

  public static void main(String[] args) throws Exception {
    ExampleMain.main(args, PartitionRebalance::run, USAGE);
  }

  static void run(String[] args) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, Set.of("input", "parallelism"));
    String input = options.required("input");
    int parallelism = options.getInt("parallelism", 0, 1, 1024);
    if (!Files.exists(Path.of(input))) {
      throw new UsageException("input '" + input + "' does not exist");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    tagged(env.readTextFile(input)).print();
    env.execute("PartitionRebalance");
  }

  /** Each line with its partition {@code floorMod(line.hashCode(), 4)}, rebalanced. */
  public static DataStream<Tuple2<String, Integer>> tagged(DataStream<String> lines) {
    return lines
        .map(line -> Tuple2.of(line, Math.floorMod(line.hashCode(), PARTITIONS)))
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .rebalance();
  }
}
