/**
 * The user functions: {@link Function} and its one-method kinds ({@link MapFunction}, {@link
 * FlatMapFunction}, {@link FilterFunction}, {@link ReduceFunction}, {@link AggregateFunction},
 * {@link KeySelector}, joins and coGroup), the {@link Collector} they emit to, and the rich
 * lifecycle ({@link RichFunction}, {@link RuntimeContext} with keyed state). Functions are
 * serialized with the job. It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.functions;
