/**
 * Tuples: {@link Tuple1} to {@link Tuple5}, public mutable fields {@code f0..f4} like Flink's, on
 * the common base {@link Tuple}. It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.java.tuple;
