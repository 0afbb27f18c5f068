package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionRebalanceITCase {
  @TempDir Path dir;

  @Test
  void tagsEveryLineWithItsHashPartition() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "alpha\nbeta\ngamma\ndelta\n\n");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);

    List<String> out =
        Collected.sortedStrings(PartitionRebalance.tagged(env.readTextFile(input.toString())));

    // "".hashCode() is 0; the others, floorMod 4, are fixed by String.hashCode's definition.
    assertThat(out)
        .containsExactly(
            "(," + 0 + ")",
            "(alpha," + Math.floorMod("alpha".hashCode(), 4) + ")",
            "(beta," + Math.floorMod("beta".hashCode(), 4) + ")",
            "(delta," + Math.floorMod("delta".hashCode(), 4) + ")",
            "(gamma," + Math.floorMod("gamma".hashCode(), 4) + ")");
  }
}
