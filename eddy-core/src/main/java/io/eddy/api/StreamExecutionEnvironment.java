package io.eddy.api;

import io.eddy.api.annotation.Public;
import io.eddy.api.checkpoint.CheckpointConfig;
import io.eddy.api.checkpoint.CheckpointingMode;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.restartstrategy.RestartStrategyConfig;
import io.eddy.api.common.state.StateBackendSettings;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.api.connector.source.lib.FromElementsSource;
import io.eddy.api.connector.source.lib.GeneratorFunction;
import io.eddy.api.connector.source.lib.NumberSequenceSource;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.DataStreamSource;
import io.eddy.core.dag.SinkTransformation;
import io.eddy.core.dag.SourceTransformation;
import io.eddy.core.dag.StreamAccess;
import io.eddy.core.dag.Transformation;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.execution.CheckpointingOptions;
import io.eddy.core.execution.CollectSupport;
import io.eddy.core.execution.ExecutionConfig;
import io.eddy.core.execution.Pipeline;
import io.eddy.core.execution.PipelineExecutor;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.core.internal.Preconditions;
import io.eddy.core.internal.connector.Connectors;
import io.eddy.core.internal.types.TypeExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Where a job is defined and started. {@link #getExecutionEnvironment()} returns an environment
 * that runs jobs on an embedded cluster in this JVM, or on the cluster the {@code eddy run} command
 * or a test extension chose.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromElements("a b", "b c")
 *     .flatMap((String line, Collector<String> out) -> { for (String w : line.split(" ")) out.collect(w); })
 *     .map(w -> Tuple2.of(w, 1L))
 *     .keyBy(t -> t.f0)
 *     .sum(1)
 *     .print();
 * env.execute("word count");
 * }</pre>
 */
@Public
public class StreamExecutionEnvironment {
  public static final int DEFAULT_MAX_PARALLELISM = 128;
  public static final long DEFAULT_BUFFER_TIMEOUT_MS = 100;

  private final PipelineExecutor executor;
  private final List<Transformation<?>> sinks = new ArrayList<>();
  private int parallelism = PipelineExecutors.defaultParallelism();
  private int maxParallelism = DEFAULT_MAX_PARALLELISM;
  private long bufferTimeoutMillis = DEFAULT_BUFFER_TIMEOUT_MS;
  private long autoWatermarkIntervalMillis = ExecutionConfig.DEFAULT_AUTO_WATERMARK_INTERVAL_MS;
  private final CheckpointConfig checkpointConfig = new CheckpointConfig();
  private SavepointRestoreSettings savepointRestore = SavepointRestoreSettings.NONE;
  private RestartStrategyConfig restartStrategy;
  private boolean windowPreAggregation = true;
  private StateBackendSettings stateBackend;

  static {
    StreamAccess.register((StreamAccess.Environments) (env, sink) -> env.sinks.add(sink));
  }

  private StreamExecutionEnvironment(PipelineExecutor executor) {
    this.executor = executor;
  }

  /** The environment of the current context: embedded unless a client or test chose a cluster. */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return new StreamExecutionEnvironment(PipelineExecutors.current());
  }

  /** An environment that always runs on a fresh embedded cluster with the given parallelism. */
  public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
    StreamExecutionEnvironment env = getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  // ---------------------------------------------------------------- configuration

  /** Default parallelism of operators that set none (default: the number of CPU cores). */
  public StreamExecutionEnvironment setParallelism(int parallelism) {
    this.parallelism = Preconditions.checkParallelism(parallelism);
    return this;
  }

  public int getParallelism() {
    return parallelism;
  }

  /** Number of key groups: the upper bound for rescaling keyed state (default 128). */
  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    this.maxParallelism = Preconditions.checkMaxParallelism(maxParallelism);
    return this;
  }

  public int getMaxParallelism() {
    return maxParallelism;
  }

  /**
   * How long a partly filled network buffer may wait before it is sent (default 100 ms). 0 sends
   * after every record (lowest latency, lowest throughput).
   */
  public StreamExecutionEnvironment setBufferTimeout(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "Buffer timeout must be 0 or more milliseconds, but was " + millis + ".");
    }
    this.bufferTimeoutMillis = millis;
    return this;
  }

  public long getBufferTimeout() {
    return bufferTimeoutMillis;
  }

  /**
   * How often periodic watermark generators ({@code WatermarkGenerator.onPeriodicEmit}) run, in
   * milliseconds of processing time (default 200). 0 disables periodic watermarks; punctuated ones
   * (emitted in {@code onEvent}) and the final watermark of a bounded input still flow.
   *
   * @see io.eddy.api.common.eventtime.WatermarkGenerator
   */
  public StreamExecutionEnvironment setAutoWatermarkInterval(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "The watermark interval must be 0 or more milliseconds, but was " + millis + ".");
    }
    this.autoWatermarkIntervalMillis = millis;
    return this;
  }

  /**
   * Whether keyed event-time tumbling and sliding windows evaluated with {@code reduce} (or {@code
   * sum}, {@code min}, {@code max}, {@code minBy}, {@code maxBy}) pre-aggregate before the shuffle
   * (default on): each upstream subtask reduces its elements per key and window (per slice of the
   * slide, for sliding windows) and sends one value per key and window at each watermark,
   * checkpoint and end of input, instead of every element; each key's elements keep their order.
   * The result is the same for reduce functions that are associative, as a reduce of a parallel
   * stream must be (elements of different subtasks reach it in no fixed order). It applies when the
   * window has the default trigger, no evictor, no allowed lateness and no late-data side output;
   * other windows run as before. Turn it off for a reduce function that depends on seeing the
   * elements one by one.
   */
  public StreamExecutionEnvironment setWindowPreAggregation(boolean enabled) {
    this.windowPreAggregation = enabled;
    return this;
  }

  public boolean isWindowPreAggregation() {
    return windowPreAggregation;
  }

  /**
   * Where the job's keyed state lives: {@code new HashMapStateBackend()} (the heap) or {@code new
   * EmbeddedRocksDBStateBackend()} (RocksDB on the TaskManagers' local disks, for state larger than
   * memory). Unset (null), the job uses the cluster's {@code state.backend.type}, the heap by
   * default. Savepoints of either backend restore into the other.
   */
  public StreamExecutionEnvironment setStateBackend(StateBackendSettings backend) {
    this.stateBackend = backend;
    return this;
  }

  /** The state backend the job chose, or null for the cluster's. */
  public StateBackendSettings getStateBackend() {
    return stateBackend;
  }

  public long getAutoWatermarkInterval() {
    return autoWatermarkIntervalMillis;
  }

  /**
   * Takes a checkpoint every {@code intervalMillis} (exactly once, aligned barriers); see {@link
   * #getCheckpointConfig()} for the other settings.
   */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
    checkpointConfig.setCheckpointInterval(intervalMillis);
    return this;
  }

  public StreamExecutionEnvironment enableCheckpointing(
      long intervalMillis, CheckpointingMode mode) {
    checkpointConfig.setCheckpointInterval(intervalMillis);
    checkpointConfig.setCheckpointingMode(mode);
    return this;
  }

  public CheckpointConfig getCheckpointConfig() {
    return checkpointConfig;
  }

  /**
   * Starts the next job from a savepoint or retained checkpoint directory; its state is matched to
   * operators by uid. With {@code allowNonRestoredState}, state no operator claims is ignored.
   */
  public StreamExecutionEnvironment setSavepointRestore(
      String path, boolean allowNonRestoredState) {
    this.savepointRestore = SavepointRestoreSettings.forPath(path, allowNonRestoredState);
    return this;
  }

  /**
   * How the job recovers from failures, made with {@link RestartStrategies}. If none is set, the
   * job does not restart unless checkpointing is enabled, in which case it restarts forever with a
   * fixed delay of one second.
   */
  public StreamExecutionEnvironment setRestartStrategy(RestartStrategyConfig restartStrategy) {
    if (restartStrategy == null) {
      throw new IllegalArgumentException(
          "The restart strategy must not be null; use RestartStrategies.noRestart() to disable"
              + " restarts.");
    }
    this.restartStrategy = restartStrategy;
    return this;
  }

  /** The restart strategy set with {@link #setRestartStrategy}, or null if none was set. */
  public RestartStrategyConfig getRestartStrategy() {
    return restartStrategy;
  }

  // ---------------------------------------------------------------- sources

  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(T... elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException("fromElements needs at least one element.");
    }
    return fromCollection(Arrays.asList(elements));
  }

  /** A bounded stream of the collection's elements, read by one subtask, in order. */
  @SuppressWarnings("unchecked")
  public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException(
          "fromCollection needs a non-empty collection; for an empty one pass its type: fromCollection(data, type).");
    }
    Class<T> firstClass = (Class<T>) data.iterator().next().getClass();
    boolean sameClass = data.stream().allMatch(e -> e != null && e.getClass() == firstClass);
    TypeInformation<T> type =
        sameClass ? TypeExtractor.forClass(firstClass) : TypeInformation.unknown();
    return fromCollection(data, type);
  }

  public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> type) {
    TypeSerializer<T> serializer = type.createSerializer();
    return addSource(FromElementsSource.of(serializer, data), "Collection Source", type, 1);
  }

  /** The numbers {@code from} to {@code to}, both inclusive, read in parallel. */
  public DataStreamSource<Long> fromSequence(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException(
          "fromSequence needs from <= to, but got " + from + " > " + to + ".");
    }
    return fromSource(new NumberSequenceSource(from, to), "Sequence Source");
  }

  /**
   * {@code count} records made by {@code generator} from the indices 0..count-1, at most {@code
   * recordsPerSecond} per second over all subtasks (0 or less: unlimited).
   */
  public <T> DataStreamSource<T> fromGenerator(
      GeneratorFunction<Long, T> generator, long count, double recordsPerSecond) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "The generator's count must be 0 or more, but was " + count + ".");
    }
    TypeInformation<T> type =
        TypeExtractor.getOutputType(
            generator, GeneratorFunction.class, 1, TypeInformation.of(Long.class));
    DataGeneratorSource<T> source =
        recordsPerSecond > 0
            ? new DataGeneratorSource<>(generator, count, recordsPerSecond)
            : new DataGeneratorSource<>(generator, count);
    return fromSource(source, "Data Generator", type);
  }

  /** {@code count} records made by {@code generator} from the indices 0..count-1, unthrottled. */
  public <T> DataStreamSource<T> fromGenerator(GeneratorFunction<Long, T> generator, long count) {
    return fromGenerator(generator, count, 0);
  }

  /**
   * The lines of a text file, or of every file in a directory. Large files are split into byte
   * ranges that the parallel readers take on demand. Needs io.eddy:eddy-connector-files on the
   * classpath.
   */
  public DataStreamSource<String> readTextFile(String path) {
    Preconditions.checkNotEmpty(path, "path");
    return fromSource(
        Connectors.textFiles("readTextFile").textLineSource(path), "Text File Source: " + path);
  }

  /**
   * Lines read from a TCP server; ends when the server closes the connection. Runs with parallelism
   * 1 and cannot be replayed after a failure. Needs io.eddy:eddy-connector-socket on the classpath.
   */
  public DataStreamSource<String> socketTextStream(String host, int port) {
    return socketTextStream(host, port, '\n');
  }

  public DataStreamSource<String> socketTextStream(String host, int port, char delimiter) {
    Preconditions.checkNotEmpty(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port must be between 0 and 65535, but was " + port + ".");
    }
    return addSource(
        Connectors.sockets("socketTextStream").socketTextSource(host, port, delimiter),
        "Socket Stream",
        TypeInformation.of(String.class),
        1);
  }

  /** A stream read from any {@link Source}; its type is learned from the source class. */
  public <T> DataStreamSource<T> fromSource(Source<T, ?, ?> source, String sourceName) {
    TypeInformation<T> type = TypeExtractor.getOutputType(source, Source.class, 0);
    return fromSource(source, sourceName, type);
  }

  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, String sourceName, TypeInformation<T> type) {
    return addSource(source, sourceName, type, parallelism);
  }

  /**
   * A stream read from {@code source} whose readers assign timestamps and generate watermarks with
   * {@code watermarkStrategy}, each reader on its own (so an idle reader can be declared idle with
   * {@link WatermarkStrategy#withIdleness}).
   */
  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
    return fromSource(
        source,
        watermarkStrategy,
        sourceName,
        TypeExtractor.getOutputType(source, Source.class, 0));
  }

  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source,
      WatermarkStrategy<T> watermarkStrategy,
      String sourceName,
      TypeInformation<T> type) {
    if (watermarkStrategy == null) {
      throw new IllegalArgumentException(
          "The watermark strategy must not be null; use WatermarkStrategy.noWatermarks().");
    }
    SourceTransformation<T> t =
        new SourceTransformation<>(sourceName, source, watermarkStrategy, type, parallelism);
    return StreamAccess.newSource(this, t);
  }

  private <T> DataStreamSource<T> addSource(
      Source<T, ?, ?> source, String name, TypeInformation<T> type, int sourceParallelism) {
    SourceTransformation<T> t = new SourceTransformation<>(name, source, type, sourceParallelism);
    return StreamAccess.newSource(this, t);
  }

  // ---------------------------------------------------------------- execution

  /** Runs the job defined so far and waits for it to finish. */
  public JobExecutionResult execute() throws Exception {
    return execute("Eddy Streaming Job");
  }

  public JobExecutionResult execute(String jobName) throws Exception {
    JobClient client = executeAsync(jobName);
    try {
      return client.getJobExecutionResult().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Submits the job defined so far and returns at once. */
  public JobClient executeAsync(String jobName) throws Exception {
    if (sinks.isEmpty()) {
      throw new IllegalStateException(
          "No sinks are defined, so there is nothing to execute: add print(), sinkTo(...) or writeAsText(...) to a stream.");
    }
    Pipeline pipeline =
        new Pipeline(
            jobName,
            List.copyOf(sinks),
            new ExecutionConfig(
                parallelism,
                maxParallelism,
                bufferTimeoutMillis,
                autoWatermarkIntervalMillis,
                CheckpointingOptions.of(checkpointConfig),
                savepointRestore,
                restartStrategy,
                windowPreAggregation,
                stateBackend));
    sinks.clear();
    try {
      return executor.execute(pipeline).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Runs the job with {@code stream} attached to a collecting sink; see
   * DataStream.executeAndCollect.
   */
  public <T> CloseableIterator<T> executeAndCollect(DataStream<T> stream, String jobName)
      throws Exception {
    String collectId = UUID.randomUUID().toString();
    TypeSerializer<T> serializer = stream.getType().createSerializer();
    SinkTransformation<T> sink =
        new SinkTransformation<>(
            StreamAccess.transformationOf(stream),
            "Collect Sink",
            new Specs.Collect<>(collectId, serializer),
            1);
    sinks.add(sink);
    JobClient client = executeAsync(jobName);
    if (!(client instanceof CollectSupport collecting)) {
      throw new UnsupportedOperationException(
          "The cluster this environment submits to cannot return results to the client.");
    }
    return collecting.collect(collectId, serializer);
  }
}
