package io.eddy.runtime.state.heap;

import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.runtime.state.ttl.TtlTimeProvider;

/**
 * Decides expiry of {@link TtlValue}s for one state from its {@link StateTtlConfig} and a clock.
 */
public final class TtlPolicy {
  private final long ttlMillis;
  private final boolean updateOnRead;
  private final boolean returnExpired;
  private final int cleanupSize;
  private final TtlTimeProvider clock;

  private TtlPolicy(StateTtlConfig config, TtlTimeProvider clock) {
    this.ttlMillis = config.getTtl().toMillis();
    this.updateOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired =
        config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.cleanupSize = config.getIncrementalCleanupSize();
    this.clock = clock;
  }

  /** The policy for {@code config}, or null when TTL is disabled. */
  public static TtlPolicy of(StateTtlConfig config, TtlTimeProvider clock) {
    return config.isEnabled() ? new TtlPolicy(config, clock) : null;
  }

  public long now() {
    return clock.currentTimestamp();
  }

  public boolean isExpired(TtlValue<?> value, long now) {
    return now - value.timestamp >= ttlMillis;
  }

  /** Whether a read restarts the value's time to live. */
  public boolean updateOnRead() {
    return updateOnRead;
  }

  /** Whether a read may return an expired value that was not cleaned up yet. */
  public boolean returnExpired() {
    return returnExpired;
  }

  /** Entries to check for expiry on each state access; 0 for none. */
  public int cleanupSize() {
    return cleanupSize;
  }
}
