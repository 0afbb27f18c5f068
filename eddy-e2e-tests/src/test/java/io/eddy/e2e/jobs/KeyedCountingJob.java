package io.eddy.e2e.jobs;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.connector.file.sink.FileSink;
import java.io.IOException;
import java.time.Duration;

/**
 * An exactly-once keyed counter: the values {@code 0 .. records-1} from a rate-limited generator,
 * keyed by {@code value % keys}, each written as "key,count,value" where count is the key's number
 * of records so far, kept in {@link ValueState}. Checkpoints every 200 ms; a failure restarts it
 * after 200 ms.
 *
 * <p>Arguments: OUTPUT_DIR CHECKPOINT_DIR (paths or URIs such as {@code s3://bucket/dir}) RECORDS
 * RECORDS_PER_SECOND KEYS
 */
public final class KeyedCountingJob {
  private KeyedCountingJob() {}

  public static void main(String[] args) throws Exception {
    String output = args[0]; // a path or a location of any file system (s3://, hdfs://)
    String checkpoints = args[1];
    long records = Long.parseLong(args[2]);
    double rate = Double.parseDouble(args[3]);
    long keys = Long.parseLong(args[4]);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(200);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(50, Duration.ofMillis(200)));
    env.fromSource(
            new DataGeneratorSource<>(i -> i, records, rate),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .uid("numbers")
        .keyBy(new Modulo(keys))
        .process(new CountPerKey())
        .uid("count-per-key")
        .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build())
        .uid("files");
    env.execute("keyed counter");
  }

  /** The key of a value: value modulo the number of keys. */
  static final class Modulo implements KeySelector<Long, Long> {
    private final long keys;

    Modulo(long keys) {
      this.keys = keys;
    }

    @Override
    public Long getKey(Long value) {
      return value % keys;
    }
  }

  /** Emits "key,count,value". */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws IOException {
      Long before = count.value();
      long next = (before == null ? 0 : before) + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "," + next + "," + value);
    }
  }
}
