/**
 * The split-reader base of sources: {@link SplitQueueReader} reads its splits one after the other
 * through a {@link SplitCursor}; {@link OnDemandSplitEnumerator} and {@link
 * SingleReaderSplitEnumerator} hand out splits, {@link SplitListSerializer} checkpoints them, and
 * {@link RateLimiter} and {@link SourceTimer} pace readers without blocking. The built-in sources
 * and the connector modules build on it. Internal to Eddy (public types carry {@code @Internal}):
 * it may import {@code io.eddy.api} and other {@code io.eddy.core} packages, never the runtime.
 */
package io.eddy.core.internal.connector.source;
