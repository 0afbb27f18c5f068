/**
 * Functions of two inputs: {@link CoMapFunction}, {@link CoFlatMapFunction}, {@link
 * CoProcessFunction} and {@link KeyedCoProcessFunction} for connected streams, {@link
 * BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} for the broadcast state
 * pattern, and {@link ProcessJoinFunction} for interval joins. It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.functions.co;
