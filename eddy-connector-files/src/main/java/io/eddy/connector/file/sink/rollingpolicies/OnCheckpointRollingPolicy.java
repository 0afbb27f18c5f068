package io.eddy.connector.file.sink.rollingpolicies;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.connector.file.sink.PartFileInfo;
import io.eddy.connector.file.sink.RollingPolicy;

/**
 * Rolls at every checkpoint and only then: each checkpoint's data lands in its own part files. The
 * only policy of bulk formats, whose files cannot be continued after a restore.
 */
@PublicEvolving
public final class OnCheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
  private static final long serialVersionUID = 1L;

  private OnCheckpointRollingPolicy() {}

  public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
    return new OnCheckpointRollingPolicy<>();
  }

  @Override
  public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFile) {
    return true;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element) {
    return false;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime) {
    return false;
  }
}
