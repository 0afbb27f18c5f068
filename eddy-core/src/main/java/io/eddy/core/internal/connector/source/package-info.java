/**
 * The cursor-based split reading of in-memory and local sources: {@link SplitQueueReader} reads its
 * splits one after the other through a {@link SplitCursor} on the task thread; {@link
 * OnDemandSplitEnumerator} hands out splits, {@link SplitListSerializer} checkpoints them, and
 * {@link RateLimiter} and {@link SourceTimer} pace readers without blocking. The built-in sources
 * (which must stay in eddy-core) and the file source build on it; a connector that blocks on I/O
 * uses eddy-connector-base's fetcher thread instead. Internal to Eddy (public types carry
 * {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core} packages,
 * never the runtime.
 */
package io.eddy.core.internal.connector.source;
