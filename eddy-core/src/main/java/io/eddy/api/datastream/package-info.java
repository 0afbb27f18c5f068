/**
 * The streams of the DataStream API: {@link DataStream}, {@link KeyedStream}, {@link
 * SingleOutputStreamOperator}, {@link WindowedStream} and {@link AllWindowedStream}, the two-input
 * forms ({@link ConnectedStreams}, {@link BroadcastConnectedStream}, {@link IntervalJoin}, {@link
 * JoinedStreams}, {@link CoGroupedStreams} over {@link TaggedUnion}), {@link OutputTag} and {@link
 * DataStreamSink}. Each operation records a transformation of {@code io.eddy.core.dag}; nothing
 * runs until the environment executes. It may import other {@code io.eddy.api} packages, and {@code
 * io.eddy.core} only inside method bodies and private members: no public or protected signature
 * names a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}); nothing in
 * eddy-core imports the runtime.
 */
package io.eddy.api.datastream;
