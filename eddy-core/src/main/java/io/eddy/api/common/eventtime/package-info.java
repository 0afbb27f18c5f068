/**
 * Event time as users declare it: a {@link WatermarkStrategy} pairs a {@link TimestampAssigner}
 * with a {@link WatermarkGenerator} that emits {@link Watermark}s to a {@link WatermarkOutput}
 * (bounded out-of-orderness, ascending, none, with idleness). The runtime carries a watermark
 * through streams as its own {@code WatermarkElement}. It may import {@code io.eddy.api.annotation}
 * and other {@code io.eddy.api} packages; no public signature names a core, internal or
 * {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.eventtime;
