package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;

/** What a rolling policy knows about the part file being written. */
@PublicEvolving
public interface PartFileInfo<BucketID> {
  BucketID getBucketId();

  /** Processing time when the part file was opened. */
  long getCreationTime();

  /** Processing time of the last write. */
  long getLastUpdateTime();

  /** Bytes written so far. */
  long getSize();
}
