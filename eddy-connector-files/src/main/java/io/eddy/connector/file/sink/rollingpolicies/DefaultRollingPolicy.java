package io.eddy.connector.file.sink.rollingpolicies;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.connector.file.sink.PartFileInfo;
import io.eddy.connector.file.sink.RollingPolicy;
import java.time.Duration;

/**
 * Rolls a part file when it reached the maximum size, when it has been open for the rollover
 * interval, or when nothing was written to it for the inactivity interval. The time-based checks
 * run every bucket check interval of the sink, so they are as precise as that interval. Defaults:
 * 128 MiB, 60 s, 60 s.
 */
@PublicEvolving
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
  private static final long serialVersionUID = 1L;
  public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private final long maxPartSize;
  private final long rolloverIntervalMillis;
  private final long inactivityIntervalMillis;

  private DefaultRollingPolicy(long maxPartSize, long rolloverMillis, long inactivityMillis) {
    this.maxPartSize = maxPartSize;
    this.rolloverIntervalMillis = rolloverMillis;
    this.inactivityIntervalMillis = inactivityMillis;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFile) {
    return partFile.getSize() >= maxPartSize;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element) {
    return partFile.getSize() >= maxPartSize;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime) {
    return currentTime - partFile.getCreationTime() >= rolloverIntervalMillis
        || currentTime - partFile.getLastUpdateTime() >= inactivityIntervalMillis;
  }

  public long getMaxPartSize() {
    return maxPartSize;
  }

  public long getRolloverInterval() {
    return rolloverIntervalMillis;
  }

  public long getInactivityInterval() {
    return inactivityIntervalMillis;
  }

  /** Builds a {@link DefaultRollingPolicy}. */
  public static final class Builder {
    private long maxPartSize = DEFAULT_MAX_PART_SIZE;
    private long rolloverMillis = DEFAULT_INTERVAL.toMillis();
    private long inactivityMillis = DEFAULT_INTERVAL.toMillis();

    private Builder() {}

    public Builder withMaxPartSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException(
            "The maximum part size must be more than 0 bytes, but was " + bytes + ".");
      }
      this.maxPartSize = bytes;
      return this;
    }

    public Builder withRolloverInterval(Duration interval) {
      this.rolloverMillis = positiveMillis("rollover interval", interval);
      return this;
    }

    public Builder withInactivityInterval(Duration interval) {
      this.inactivityMillis = positiveMillis("inactivity interval", interval);
      return this;
    }

    public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
      return new DefaultRollingPolicy<>(maxPartSize, rolloverMillis, inactivityMillis);
    }

    private static long positiveMillis(String what, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("The " + what + " must be more than 0, but was " + d);
      }
      return d.toMillis();
    }
  }
}
