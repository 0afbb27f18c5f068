package io.eddy.api.datastream;

import io.eddy.api.CloseableIterator;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.annotation.Public;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.functions.FilterFunction;
import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.Partitioner;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.connector.sink.DiscardingSink;
import io.eddy.api.connector.sink.PrintSink;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.dag.OneInputTransformation;
import io.eddy.core.dag.PartitionSpec;
import io.eddy.core.dag.PartitionTransformation;
import io.eddy.core.dag.SinkTransformation;
import io.eddy.core.dag.SourceTransformation;
import io.eddy.core.dag.StreamAccess;
import io.eddy.core.dag.Transformation;
import io.eddy.core.dag.UnionTransformation;
import io.eddy.core.dag.ops.OperatorSpec;
import io.eddy.core.dag.ops.Specs;
import io.eddy.core.internal.connector.Connectors;
import io.eddy.core.internal.types.TypeExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of elements of type {@code T}: the result of a source or of an operation. Operations
 * return new streams; nothing runs until the environment's {@code execute}.
 */
@Public
public class DataStream<T> {
  static {
    StreamAccess.register(new DataStreamAccess());
  }

  protected final StreamExecutionEnvironment environment;
  final Transformation<T> transformation;

  DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
    this.environment = environment;
    this.transformation = transformation;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  /** The logical plan node behind this stream (others reach it through {@link StreamAccess}). */
  Transformation<T> getTransformation() {
    return transformation;
  }

  public TypeInformation<T> getType() {
    return transformation.getOutputType();
  }

  /** The parallelism, or -1 when the environment's default applies. */
  public int getParallelism() {
    return transformation.getParallelism();
  }

  // ---------------------------------------------------------------- element-wise operations

  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    TypeInformation<R> out = TypeExtractor.getOutputType(mapper, MapFunction.class, 1, getType());
    return transform("Map", new Specs.Map<>(mapper), out);
  }

  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(flatMapper, FlatMapFunction.class, 1, getType());
    return transform("Flat Map", new Specs.FlatMap<>(flatMapper), out);
  }

  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    return transform("Filter", new Specs.Filter<>(filter), getType());
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
    TypeInformation<R> out =
        TypeExtractor.getOutputType(function, ProcessFunction.class, 1, getType());
    return transform("Process", new Specs.Process<>(function), out);
  }

  /**
   * Assigns each record its event timestamp and generates watermarks with {@code
   * watermarkStrategy}, in every parallel instance of this stream. Watermarks from upstream are
   * replaced by the new ones (only the final watermark of a bounded input passes through). The
   * operator keeps this stream's parallelism, so it chains to its input.
   */
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
      WatermarkStrategy<T> watermarkStrategy) {
    if (watermarkStrategy == null) {
      throw new IllegalArgumentException("The watermark strategy must not be null.");
    }
    int p =
        transformation.getParallelism() > 0
            ? transformation.getParallelism()
            : environment.getParallelism();
    OneInputTransformation<T, T> t =
        new OneInputTransformation<>(
            transformation,
            "Timestamps/Watermarks",
            new Specs.TimestampsAndWatermarks<>(watermarkStrategy),
            getType(),
            p);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  /** Adds an operator reading this stream (operators are runtime-owned). */
  <R> SingleOutputStreamOperator<R> transform(
      String name, OperatorSpec operator, TypeInformation<R> outputType) {
    OneInputTransformation<T, R> t =
        new OneInputTransformation<>(
            transformation, name, operator, outputType, environment.getParallelism());
    configureKeyedInput(t);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  /** Hook for keyed streams: operators on them keep state by key. */
  void configureKeyedInput(OneInputTransformation<T, ?> t) {}

  // ---------------------------------------------------------------- partitioning

  /** Partitions by key: every record of a key goes to the same subtask (by key group). */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
    return new KeyedStream<>(this, key, TypeExtractor.getKeyType(key, getType()));
  }

  /** Like {@link #keyBy(KeySelector)} with an explicit key type. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
    return new KeyedStream<>(this, key, keyType);
  }

  /** Round robin over all downstream subtasks: evens out skew. */
  public DataStream<T> rebalance() {
    return partition(PartitionSpec.Kind.REBALANCE);
  }

  /** Round robin over a subset of downstream subtasks, without a full all-to-all exchange. */
  public DataStream<T> rescale() {
    return partition(PartitionSpec.Kind.RESCALE);
  }

  /** Every record to every downstream subtask. */
  public DataStream<T> broadcast() {
    return partition(PartitionSpec.Kind.BROADCAST);
  }

  /** A uniformly random downstream subtask per record. */
  public DataStream<T> shuffle() {
    return partition(PartitionSpec.Kind.SHUFFLE);
  }

  /** Subtask i to subtask i; downstream parallelism must equal this stream's. */
  public DataStream<T> forward() {
    return partition(PartitionSpec.Kind.FORWARD);
  }

  /** Everything to the first downstream subtask. */
  public DataStream<T> global() {
    return partition(PartitionSpec.Kind.GLOBAL);
  }

  /** Routes by the user's partitioner applied to a key. */
  public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> key) {
    return new DataStream<>(
        environment,
        new PartitionTransformation<>(
            transformation, new PartitionSpec(PartitionSpec.Kind.CUSTOM, key, partitioner)));
  }

  private DataStream<T> partition(PartitionSpec.Kind kind) {
    return new DataStream<>(
        environment, new PartitionTransformation<>(transformation, PartitionSpec.of(kind)));
  }

  /** Merges this stream with others of the same type. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> other : others) {
      if (other.environment != environment) {
        throw new IllegalArgumentException("Cannot union streams of different environments.");
      }
      inputs.add(other.transformation);
    }
    return new DataStream<>(environment, new UnionTransformation<>(inputs));
  }

  // ---------------------------------------------------------------- two inputs

  /**
   * Connects this stream with {@code other} (possibly of another type) for an operator that
   * processes both, with one method per input, on one task thread.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another environment
   */
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    return new ConnectedStreams<>(environment, this, other);
  }

  /**
   * Connects this stream with a broadcast stream: every parallel instance of the resulting operator
   * receives all of {@code broadcastStream}'s elements and keeps the broadcast state.
   *
   * @throws IllegalArgumentException if {@code broadcastStream} belongs to another environment
   */
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    return new BroadcastConnectedStream<>(this, broadcastStream);
  }

  /**
   * Broadcasts this stream for the broadcast state pattern: the operator it is connected to keeps
   * one map per descriptor in each parallel instance, written from this stream's elements.
   *
   * @throws IllegalArgumentException if no descriptor is given
   */
  public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
    if (broadcastStateDescriptors == null || broadcastStateDescriptors.length == 0) {
      throw new IllegalArgumentException(
          "broadcast(descriptors...) needs at least one MapStateDescriptor; use broadcast() to"
              + " only send every element to every subtask.");
    }
    return new BroadcastStream<>(environment, broadcast(), List.of(broadcastStateDescriptors));
  }

  // ---------------------------------------------------------------- windows

  /**
   * Cuts the whole (non-keyed) stream into windows of {@code assigner}. The window operator runs
   * with parallelism 1.
   */
  public <W extends Window> AllWindowedStream<T, W> windowAll(
      WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  /**
   * Starts a window join with {@code other}: {@code join(other).where(k1).equalTo(k2)
   * .window(assigner).apply(joinFunction)}.
   */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, other);
  }

  /**
   * Starts a window coGroup with {@code other}: {@code coGroup(other).where(k1).equalTo(k2)
   * .window(assigner).apply(coGroupFunction)}.
   */
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return new CoGroupedStreams<>(this, other);
  }

  // ---------------------------------------------------------------- sinks

  /**
   * Prints each element's {@code toString()} to standard out, prefixed with {@code "N> "} (the
   * 1-based subtask index) when the sink runs with parallelism above 1.
   */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>(null, false), "Print to Std. Out");
  }

  /** Like {@link #print()} with an identifier before the subtask prefix. */
  public DataStreamSink<T> print(String sinkIdentifier) {
    return sinkTo(new PrintSink<>(sinkIdentifier, false), "Print to Std. Out");
  }

  public DataStreamSink<T> printToErr() {
    return sinkTo(new PrintSink<>(null, true), "Print to Std. Err");
  }

  /**
   * Writes each element's {@code toString()} as a line of text. With parallelism 1 {@code path} is
   * a file; otherwise it is a directory holding one file per subtask ({@code 1}, {@code 2}, ...).
   * Needs io.eddy:eddy-connector-files on the classpath.
   */
  public DataStreamSink<T> writeAsText(String path) {
    return sinkTo(Connectors.textFiles("writeAsText").textSink(path), "Text File Sink");
  }

  /** Drops every element (for benchmarks and tests). */
  public DataStreamSink<T> sinkToDiscarding() {
    return sinkTo(new DiscardingSink<>(), "Discarding Sink");
  }

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    return sinkTo(sink, "Sink");
  }

  private DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
    SinkTransformation<T> t =
        new SinkTransformation<>(
            transformation, name, new Specs.SinkTo<>(sink), environment.getParallelism());
    StreamAccess.addSink(environment, t);
    return new DataStreamSink<>(t);
  }

  /**
   * Runs the job and returns its output as an iterator on the client, in arrival order. Closing the
   * iterator cancels the job if it is still running. For tests and notebooks.
   */
  public CloseableIterator<T> executeAndCollect() throws Exception {
    return executeAndCollect("Collect job");
  }

  public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
    return environment.executeAndCollect(this, jobName);
  }

  /** Runs the job, returns the first {@code limit} elements, then cancels the job. */
  public List<T> executeAndCollect(int limit) throws Exception {
    List<T> result = new ArrayList<>();
    try (CloseableIterator<T> it = executeAndCollect()) {
      while (result.size() < limit && it.hasNext()) {
        result.add(it.next());
      }
    }
    return result;
  }

  /** {@link StreamAccess}'s way into this package. */
  private static final class DataStreamAccess implements StreamAccess.Streams {
    @Override
    public <T> Transformation<T> transformationOf(DataStream<T> stream) {
      return stream.transformation;
    }

    @Override
    public <T> DataStreamSource<T> newSource(
        StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
      return new DataStreamSource<>(environment, transformation);
    }
  }
}
