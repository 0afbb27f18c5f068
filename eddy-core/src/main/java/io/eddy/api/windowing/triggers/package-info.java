/**
 * Triggers: a {@link Trigger} decides per element, timer and merge whether a window fires or purges
 * ({@link TriggerResult}); event-time, processing-time, count, continuous and purging triggers are
 * built in. It may import {@code io.eddy.api.annotation} and other {@code io.eddy.api} packages; no
 * public signature names a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}),
 * and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.windowing.triggers;
