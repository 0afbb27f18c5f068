/**
 * Window functions: {@link ProcessWindowFunction} (key, window, elements, per-window state) and its
 * simple form {@link WindowFunction}, and the non-keyed {@link ProcessAllWindowFunction} and {@link
 * AllWindowFunction}. It may import {@code io.eddy.api.annotation} and other {@code io.eddy.api}
 * packages; no public signature names a core, internal or {@code @Internal} type ({@code
 * ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.functions.windowing;
