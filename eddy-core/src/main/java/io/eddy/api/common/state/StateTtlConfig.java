package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time to live of keyed state: values not written (or, optionally, read) for {@link #getTtl()}
 * expire. Enable it with {@link StateDescriptor#enableTimeToLive(StateTtlConfig)}:
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *     .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
 *     .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *     .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 *
 * <p>Time is processing time (the wall clock of the TaskManager). Expiry is tracked per value: per
 * key for value, reducing and aggregating state, per element for list state and per entry for map
 * state.
 *
 * <p>Cleanup: an expired value is removed when it is read. In addition, by default, every access to
 * a state checks a few more entries of that state ({@link #getIncrementalCleanupSize()}, 5 by
 * default), walking over all its key groups in turn, and removes those that expired; so state that
 * is used keeps shrinking even for keys that are never read again. {@link
 * Builder#disableCleanupInBackground()} turns this off.
 */
@Public
public final class StateTtlConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Whether reads also restart a value's time to live. */
  public enum UpdateType {
    /** Time to live is not tracked (TTL disabled). */
    Disabled,
    /** Creating or writing a value restarts its time to live. */
    OnCreateAndWrite,
    /** Reading a value restarts its time to live too. */
    OnReadAndWrite
  }

  /** Whether an expired value that is still stored may be returned. */
  public enum StateVisibility {
    /** An expired value that was not cleaned up yet is returned (once: the read removes it). */
    ReturnExpiredIfNotCleanedUp,
    /** An expired value is never returned. */
    NeverReturnExpired
  }

  /** The time that TTL is measured in; only processing time is supported. */
  public enum TtlTimeCharacteristic {
    ProcessingTime
  }

  /** Default number of entries checked per state access by the background cleanup. */
  public static final int DEFAULT_INCREMENTAL_CLEANUP_SIZE = 5;

  /** A disabled TTL (the default of every descriptor). */
  public static final StateTtlConfig DISABLED =
      new StateTtlConfig(
          UpdateType.Disabled,
          StateVisibility.NeverReturnExpired,
          Duration.ofMillis(Long.MAX_VALUE),
          0,
          false);

  private final UpdateType updateType;
  private final StateVisibility stateVisibility;
  private final Duration ttl;
  private final int incrementalCleanupSize;
  private final boolean cleanupFullSnapshot;

  private StateTtlConfig(
      UpdateType updateType,
      StateVisibility stateVisibility,
      Duration ttl,
      int incrementalCleanupSize,
      boolean cleanupFullSnapshot) {
    this.updateType = updateType;
    this.stateVisibility = stateVisibility;
    this.ttl = ttl;
    this.incrementalCleanupSize = incrementalCleanupSize;
    this.cleanupFullSnapshot = cleanupFullSnapshot;
  }

  /** A builder for a time to live of {@code ttl} (positive). */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  public UpdateType getUpdateType() {
    return updateType;
  }

  public StateVisibility getStateVisibility() {
    return stateVisibility;
  }

  public Duration getTtl() {
    return ttl;
  }

  public TtlTimeCharacteristic getTtlTimeCharacteristic() {
    return TtlTimeCharacteristic.ProcessingTime;
  }

  public boolean isEnabled() {
    return updateType != UpdateType.Disabled;
  }

  /** Entries checked per state access by the background cleanup; 0 when it is disabled. */
  public int getIncrementalCleanupSize() {
    return incrementalCleanupSize;
  }

  /**
   * Whether snapshots leave out expired values. Recorded for when checkpoints exist; it has no
   * effect yet.
   */
  public boolean isCleanupFullSnapshot() {
    return cleanupFullSnapshot;
  }

  @Override
  public String toString() {
    return "StateTtlConfig{ttl="
        + ttl
        + ", updateType="
        + updateType
        + ", stateVisibility="
        + stateVisibility
        + ", incrementalCleanupSize="
        + incrementalCleanupSize
        + ", cleanupFullSnapshot="
        + cleanupFullSnapshot
        + "}";
  }

  /** Builds a {@link StateTtlConfig}; defaults: OnCreateAndWrite, NeverReturnExpired. */
  public static final class Builder {
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
    private Duration ttl;
    private int incrementalCleanupSize = DEFAULT_INCREMENTAL_CLEANUP_SIZE;
    private boolean cleanupFullSnapshot;

    private Builder(Duration ttl) {
      setTtl(ttl);
    }

    public Builder setTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("The state TTL must be positive, but was " + ttl + ".");
      }
      this.ttl = ttl;
      return this;
    }

    public Builder setUpdateType(UpdateType updateType) {
      this.updateType = Objects.requireNonNull(updateType, "updateType");
      return this;
    }

    public Builder updateTtlOnCreateAndWrite() {
      return setUpdateType(UpdateType.OnCreateAndWrite);
    }

    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.OnReadAndWrite);
    }

    public Builder setStateVisibility(StateVisibility stateVisibility) {
      this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
      return this;
    }

    public Builder neverReturnExpired() {
      return setStateVisibility(StateVisibility.NeverReturnExpired);
    }

    public Builder returnExpiredIfNotCleanedUp() {
      return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
    }

    /** Only processing time exists; present so that Flink jobs port unchanged. */
    public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
      Objects.requireNonNull(characteristic, "characteristic");
      return this;
    }

    /** Leave expired values out of full snapshots (takes effect once checkpoints exist). */
    public Builder cleanupFullSnapshot() {
      this.cleanupFullSnapshot = true;
      return this;
    }

    /**
     * Check {@code cleanupSize} entries on every state access and remove the expired ones. The
     * second parameter is accepted for Flink compatibility; cleanup runs on state access only.
     */
    public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
      if (cleanupSize <= 0) {
        throw new IllegalArgumentException(
            "The cleanup size must be positive, but was " + cleanupSize + ".");
      }
      this.incrementalCleanupSize = cleanupSize;
      return this;
    }

    /** Remove expired values only when they are read. */
    public Builder disableCleanupInBackground() {
      this.incrementalCleanupSize = 0;
      return this;
    }

    public StateTtlConfig build() {
      if (updateType == UpdateType.Disabled) {
        return DISABLED;
      }
      return new StateTtlConfig(
          updateType, stateVisibility, ttl, incrementalCleanupSize, cleanupFullSnapshot);
    }
  }
}
