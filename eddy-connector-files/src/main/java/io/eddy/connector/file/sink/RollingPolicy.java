package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Decides when the in-progress part file of a bucket is closed ("rolled") and a new one started. A
 * rolled file becomes visible when the next checkpoint completes.
 */
@PublicEvolving
public interface RollingPolicy<IN, BucketID> extends Serializable {
  /** Asked at each checkpoint. */
  boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFile);

  /** Asked before {@code element} is written to the part file. */
  boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element);

  /** Asked periodically (the sink's bucket check interval). */
  boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime);
}
