package io.eddy.testutils.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.functions.KeyedProcessFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The exactly-once test job's parts: {@code numbers -> FailingMapper -> keyBy(v % keys) ->
 * CountPerKey -> file sink}, where the mapper throws at given points and the counter writes
 * "key,count,value" from keyed state; {@link #assertExactlyOnce} checks the committed output
 * against what the generator must have produced, independently of the engine.
 *
 * <p>The mapper counts on {@link #PROCESSED}, shared by all attempts in this JVM: reset it before
 * each job.
 */
public final class KeyedCounting {
  /** Records seen by all mapper attempts together: the failure points are counted on it. */
  public static final AtomicLong PROCESSED = new AtomicLong();

  private KeyedCounting() {}

  /** {@code count} distinct failure points between 10% and 90% of {@code records}, in order. */
  public static long[] failurePoints(long seed, int count, long records) {
    return new Random(seed)
        .longs(count, records / 10, records * 9 / 10)
        .distinct()
        .sorted()
        .toArray();
  }

  /** Throws once when the records seen by all attempts reach each failure point. */
  public static final class FailingMapper implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long[] failurePoints;

    public FailingMapper(long[] failurePoints) {
      this.failurePoints = failurePoints.clone();
    }

    @Override
    public Long map(Long value) {
      long seen = PROCESSED.incrementAndGet();
      if (Arrays.stream(failurePoints).anyMatch(point -> point == seen)) {
        throw new IllegalStateException("injected failure at record " + seen);
      }
      return value;
    }
  }

  /** Emits "key,count,value": the count of the key's records so far, from keyed state. */
  public static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
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
   * Every value {@code 0 .. records-1} exactly once, under the key {@code value % keys}, and per
   * key the counts {@code 1 .. n}.
   */
  public static void assertExactlyOnce(List<String> lines, long records, int keys) {
    long[] seen = new long[(int) records];
    Map<Long, List<Long>> countsPerKey = new HashMap<>();
    for (String line : lines) {
      String[] f = line.split(",");
      seen[Integer.parseInt(f[2])]++;
      countsPerKey
          .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
          .add(Long.parseLong(f[1]));
    }
    for (int v = 0; v < records; v++) {
      assertEquals(1, seen[v], "times record " + v + " was written");
    }
    assertEquals(records, lines.size(), "lines");
    assertEquals(keys, countsPerKey.size(), "keys");
    countsPerKey.forEach(
        (key, counts) ->
            assertEquals(
                LongStream.rangeClosed(1, records / keys).boxed().toList(),
                counts.stream().sorted().toList(),
                "counts of key " + key));
  }

  /** That the injected failures made the job replay records. */
  public static void assertReplayed(long records) {
    assertTrue(PROCESSED.get() > records, "the failures replayed records");
  }

  /**
   * The lines of every committed part file under {@code dir} on any file system (not the hidden
   * in-progress ones).
   */
  public static List<String> committedLines(String dir) throws IOException {
    FileSystem fs = FileSystems.get(dir);
    List<String> lines = new ArrayList<>();
    for (FileStatus entry : fs.list(dir)) {
      if (entry.directory()) {
        lines.addAll(committedLines(entry.path()));
      } else if (!entry.name().startsWith(".")) {
        try (InputStream in = fs.open(entry.path())) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
      }
    }
    return lines;
  }
}
