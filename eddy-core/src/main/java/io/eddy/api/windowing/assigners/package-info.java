/**
 * Window assigners: a {@link WindowAssigner} puts each element into windows and names its default
 * trigger; tumbling, sliding and session windows in event and processing time, and {@link
 * GlobalWindows}; {@link MergingWindowAssigner} for sessions. It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.windowing.assigners;
