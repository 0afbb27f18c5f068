/**
 * Evictors: an {@link Evictor} removes {@link TimestampedValue} elements from a window before or
 * after its function runs ({@link CountEvictor}, {@link TimeEvictor}). It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.windowing.evictors;
