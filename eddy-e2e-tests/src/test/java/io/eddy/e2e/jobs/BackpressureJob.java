package io.eddy.e2e.jobs;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichMapFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast unbounded source and a slow sink (1 ms per record) in another slot sharing group, so the
 * records cross TaskManagers. Both ends count their records and write the count to a file every 100
 * ms ({@code emitted} and {@code consumed} in COUNTS_DIR), so a test in another process can see how
 * far the source runs ahead of the sink.
 *
 * <p>Arguments: COUNTS_DIR
 */
public final class BackpressureJob {
  private BackpressureJob() {}

  public static void main(String[] args) throws Exception {
    String counts = args[0];
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromGenerator(i -> i, Long.MAX_VALUE)
        .uid("numbers")
        .map(new Counting(counts, "emitted", 0))
        .uid("emitted")
        .map(new Counting(counts, "consumed", 1))
        .uid("consumed")
        .slotSharingGroup("slow-sink")
        .sinkToDiscarding()
        .slotSharingGroup("slow-sink");
    env.execute("backpressure");
  }

  /**
   * Passes records on, counting them (after sleeping {@code sleepMillis} for each); a daemon thread
   * writes the count to {@code DIR/NAME} every 100 ms, replacing the file atomically.
   */
  static final class Counting extends RichMapFunction<Long, Long> {
    private final String dir;
    private final String name;
    private final long sleepMillis;
    private transient AtomicLong count;
    private transient Thread reporter;

    Counting(String dir, String name, long sleepMillis) {
      this.dir = dir;
      this.name = name;
      this.sleepMillis = sleepMillis;
    }

    @Override
    public void open(OpenContext context) {
      count = new AtomicLong();
      Path target = Path.of(dir, name);
      Path temp = Path.of(dir, "." + name + ".tmp");
      AtomicLong counted = count;
      reporter =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    Files.writeString(temp, Long.toString(counted.get()));
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(100); // the reporting period, not synchronization
                  }
                } catch (InterruptedException e) {
                  // closed
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              "count-reporter-" + name);
      reporter.setDaemon(true);
      reporter.start();
    }

    @Override
    public Long map(Long value) throws InterruptedException {
      if (sleepMillis > 0) {
        Thread.sleep(sleepMillis); // the slow sink under test
      }
      count.lazySet(count.get() + 1);
      return value;
    }

    @Override
    public void close() {
      if (reporter != null) {
        reporter.interrupt();
      }
    }
  }
}
