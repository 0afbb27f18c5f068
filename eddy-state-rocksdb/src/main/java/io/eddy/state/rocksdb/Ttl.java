package io.eddy.state.rocksdb;

import io.eddy.api.common.state.StateTtlConfig;
import io.eddy.runtime.state.ttl.TtlTimeProvider;

/**
 * The time to live of one state: when an element (stored with the time of its last write, or read
 * if reads update it) has expired. Expired elements are removed when they are next accessed; they
 * are not cleaned up in the background yet.
 */
final class Ttl {
  private final long ttlMillis;
  private final boolean updateOnRead;
  private final boolean returnExpired;
  private final TtlTimeProvider clock;

  private Ttl(StateTtlConfig config, TtlTimeProvider clock) {
    this.ttlMillis = config.getTtl().toMillis();
    this.updateOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired =
        config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.clock = clock;
  }

  /** The TTL of {@code config}, or null when it is disabled. */
  static Ttl of(StateTtlConfig config, TtlTimeProvider clock) {
    return config != null && config.isEnabled() ? new Ttl(config, clock) : null;
  }

  long now() {
    return clock.currentTimestamp();
  }

  boolean isExpired(long timestamp, long now) {
    return now - timestamp >= ttlMillis;
  }

  boolean updateOnRead() {
    return updateOnRead;
  }

  boolean returnExpired() {
    return returnExpired;
  }
}
