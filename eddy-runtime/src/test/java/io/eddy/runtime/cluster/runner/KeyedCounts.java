package io.eddy.runtime.cluster.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.functions.KeyedProcessFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The exactly-once keyed counter of the failover tests and its oracle: values 0..n-1 keyed by
 * {@code value % keys}, written as "key,count,value".
 */
final class KeyedCounts {
  private KeyedCounts() {}

  /** Emits "key,count,value": the count of the key's records so far, from keyed state. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws IOException {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "," + next + "," + value);
    }
  }

  /**
   * The finished files under {@code output} hold every record once, and per key the counts 1..n:
   * the state survived whatever moved it.
   */
  static void assertExactlyOnce(Path output, long records, int keys) throws IOException {
    long[] seen = new long[(int) records];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(output)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split(",");
        seen[Integer.parseInt(f[2])]++;
        countsPerKey
            .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
            .add(Long.parseLong(f[1]));
      }
    }
    for (int v = 0; v < records; v++) {
      assertThat(seen[v]).as("times record %d was written", v).isEqualTo(1);
    }
    assertThat(countsPerKey).hasSize(keys);
    countsPerKey.forEach(
        (key, counts) ->
            assertThat(counts.stream().sorted().toList())
                .as("counts of key %d", key)
                .isEqualTo(LongStream.rangeClosed(1, records / keys).boxed().toList()));
  }
}
