/**
 * The clock of state time-to-live: {@link TtlTimeProvider}, installed for task backends by {@link
 * TtlTimeProviders} (the wall clock unless a test overrides it with a {@link
 * ManualTtlTimeProvider}). Part of the {@code state} layer; it imports nothing of the runtime.
 */
package io.eddy.runtime.state.ttl;
