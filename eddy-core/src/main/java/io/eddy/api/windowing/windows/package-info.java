/**
 * Windows: {@link Window} and its two kinds, the {@link TimeWindow} range and the {@link
 * GlobalWindow}. It may import {@code io.eddy.api.annotation} and other {@code io.eddy.api}
 * packages; no public signature names a core, internal or {@code @Internal} type ({@code
 * ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.windowing.windows;
