package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.state.EmbeddedRocksDBStateBackend;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.runtime.client.MiniClusterExecutor;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long runs on RocksDB, excluded from the default build ({@code slow}); run them with {@code ./mvnw
 * -pl eddy-state-rocksdb -am verify -Psoak -Dtest='RocksDBSoakITCase'} (the profile gives the JVM,
 * which is the TaskManagers', a 512 MB heap). Sizes: {@code -Deddy.soak.state-mb} (default 2048)
 * and {@code -Deddy.soak.restarts} (default 50). They print their figures as {@code [soak]} lines.
 *
 * <ul>
 *   <li>State larger than the heap: every key holds a 200-byte value, the job checkpoints and fails
 *       once after its state has grown past the heap, restores the latest checkpoint and finishes;
 *       every key must then find exactly the value it stored (an independent check per key: its
 *       value is a function of the key).
 *   <li>Native memory across restarts: a job with RocksDB state fails and restarts from its
 *       checkpoint again and again; the process's native memory (resident set minus the Java heap)
 *       must stay bounded.
 * </ul>
 */
@Tag("slow")
class RocksDBSoakITCase {
  private static final int VALUE_BYTES = 200;
  private static final AtomicLong SEEN = new AtomicLong();

  /** The keys whose check passed (a bit set: millions of keys in a 512 MB heap). */
  private static final BitSet CHECKED = new BitSet();

  private static final AtomicLong BAD = new AtomicLong();
  private static volatile long failAt = Long.MAX_VALUE;
  private static volatile int failuresLeft;

  /** Restarts of the last job run. */
  private int restarts;

  @TempDir Path work;

  @Test
  void stateLargerThanTheHeapSurvivesAFailure() throws Exception {
    long stateBytes = Long.getLong("eddy.soak.state-mb", 2048) << 20;
    long keys = stateBytes / VALUE_BYTES;
    // every key twice: the first stores its value, the second checks it
    SEEN.set(0);
    failAt = keys + keys / 4; // after all values are stored, while they are being checked
    failuresLeft = 1;
    long start = System.nanoTime();
    Set<String> results = runJob(keys, 2 * keys, 2, 20_000, 64);
    System.out.printf(
        "[soak] %d keys, %d MiB of values, heap max %d MiB: finished in %d s, %d records seen%n",
        keys,
        stateBytes >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        (System.nanoTime() - start) / 1_000_000_000,
        SEEN.get());
    assertThat(results).containsExactly("ok " + keys);
  }

  @Test
  void nativeMemoryStaysBoundedOverManyRestarts() throws Exception {
    int restarts = Integer.getInteger("eddy.soak.restarts", 50);
    long keys = 100_000;
    SEEN.set(0);
    failAt = keys / 2;
    failuresLeft = restarts;
    RssProbe probe = new RssProbe();
    // each key many times over: the job outlasts every failure, replays included
    Set<String> results = runJob(keys, 40 * keys, 2, 200, restarts);
    System.out.printf(
        "[soak] %d injected failures, %d restarts: native memory (RSS - committed heap) first"
            + " %d MiB, max %d MiB, last %d MiB%n",
        restarts, this.restarts, probe.first >> 20, probe.max >> 20, probe.last >> 20);
    probe.stop();
    assertThat(failuresLeft).isZero();
    // two subtasks may both fail before the first failure cancels the attempt: one restart
    assertThat(this.restarts).isGreaterThanOrEqualTo(restarts * 9 / 10);
    assertThat(results).containsExactly("ok " + keys);
    assertThat(probe.max - probe.first)
        .as("growth of native memory over %d restarts", restarts)
        .isLessThan(256L << 20);
  }

  /** Runs the checking job on RocksDB; returns the distinct results (one "ok N" if all is well). */
  private Set<String> runJob(
      long keys, long records, int parallelism, long checkpointMillis, int maxRestarts)
      throws Exception {
    Map<String, String> backend =
        Map.of(
            "state.backend.type",
            "rocksdb",
            RocksDBStateBackend.LOCAL_DIRECTORY,
            Files.createDirectories(work.resolve("rocksdb")).toString(),
            RocksDBStateBackend.MANAGED_MEMORY,
            "64m");
    try (MiniCluster cluster =
        new MiniCluster(MiniClusterConfig.withSlots(parallelism).withStateBackend(backend))) {
      PipelineExecutors.setContextExecutor(MiniClusterExecutor.onCluster(cluster));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(parallelism);
      env.setStateBackend(new EmbeddedRocksDBStateBackend());
      env.enableCheckpointing(checkpointMillis);
      env.getCheckpointConfig().setCheckpointStorage(work.resolve("checkpoints").toString());
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(maxRestarts, Duration.ZERO));
      synchronized (CHECKED) {
        CHECKED.clear();
      }
      BAD.set(0);
      env.fromSource(
              new NumberSequenceSource(0, records - 1), WatermarkStrategy.noWatermarks(), "n")
          .keyBy(v -> v % keys)
          .process(new StoreThenCheck())
          .sinkToDiscarding();
      JobClient job = env.executeAsync("soak");
      job.getJobExecutionResult().get();
      restarts = cluster.getDispatcher().requestNumberOfRestarts(job.getJobId()).join();
      // replays after a restore may repeat a check: distinct keys count
      synchronized (CHECKED) {
        return Set.of(BAD.get() > 0 ? "bad " + BAD.get() : "ok " + CHECKED.cardinality());
      }
    } finally {
      PipelineExecutors.setContextExecutor(null);
    }
  }

  /** The first record of a key stores its value; later ones emit the key if the value is right. */
  static final class StoreThenCheck extends KeyedProcessFunction<Long, Long, Long> {
    private transient ValueState<byte[]> value;

    @Override
    public void open(OpenContext context) {
      value = getRuntimeContext().getState(new ValueStateDescriptor<>("value", byte[].class));
    }

    @Override
    public void processElement(Long record, Context ctx, Collector<Long> out) throws Exception {
      long seen = SEEN.incrementAndGet();
      if (seen >= failAt) {
        synchronized (RocksDBSoakITCase.class) {
          // one subtask fails per point; the next point lies ahead of what the others still see
          if (seen >= failAt && failuresLeft > 0) {
            failuresLeft--;
            failAt = failuresLeft > 0 ? seen + 50_000 : Long.MAX_VALUE;
            throw new IllegalStateException("injected failure at record " + seen);
          }
        }
      }
      long key = ctx.getCurrentKey();
      byte[] stored = value.value();
      if (stored == null) {
        value.update(expected(key));
      } else if (java.util.Arrays.equals(stored, expected(key))) {
        synchronized (CHECKED) {
          CHECKED.set((int) key);
        }
        out.collect(key);
      } else {
        BAD.incrementAndGet();
        out.collect(-1 - key);
      }
    }
  }

  static byte[] expected(long key) {
    byte[] bytes = new byte[VALUE_BYTES];
    long x = key * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    return bytes;
  }

  /** Samples the process's native memory (resident set minus the committed Java heap). */
  private static final class RssProbe {
    volatile long first = -1;
    volatile long max;
    volatile long last;
    private final Thread thread;

    RssProbe() {
      thread =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long nativeBytes = rss() - Runtime.getRuntime().totalMemory();
                  if (first < 0) {
                    first = nativeBytes;
                  }
                  max = Math.max(max, nativeBytes);
                  last = nativeBytes;
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "rss-probe");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      thread.interrupt();
    }

    private static long rss() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
          }
        }
      } catch (java.io.IOException e) {
        // not Linux: no figure
      }
      return 0;
    }
  }
}
