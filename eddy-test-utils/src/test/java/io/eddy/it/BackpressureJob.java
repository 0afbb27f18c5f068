package io.eddy.it;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fast source and a deliberately slow sink: run in a small heap by {@link BackpressureITCase}.
 * Without backpressure the 10 M records of ~80 bytes (~800 MB) could not fit.
 */
public final class BackpressureJob {
  static final AtomicLong COUNT = new AtomicLong();
  static final AtomicLong SUM = new AtomicLong();

  /** Counts records and pauses every 2,000 records: much slower than the source. */
  static final class SlowSink implements Sink<String> {
    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          long n = COUNT.incrementAndGet();
          SUM.addAndGet(Long.parseLong(element.substring(0, element.indexOf(':'))));
          if (n % 2_000 == 0) {
            LockSupport.parkNanos(1_000_000);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  public static void main(String[] args) throws Exception {
    long n = Long.parseLong(args[0]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    String padding = "x".repeat(64);
    env.fromSequence(0, n - 1)
        .map(i -> i + ":" + padding)
        .rebalance()
        .sinkTo(new SlowSink())
        .setParallelism(1);
    env.execute("backpressure");
    long expectedSum = n * (n - 1) / 2;
    System.out.println(
        "count="
            + COUNT.get()
            + " sumOk="
            + (SUM.get() == expectedSum)
            + " maxHeapMb="
            + Runtime.getRuntime().maxMemory() / (1 << 20));
  }
}
