package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Chooses the bucket (a subdirectory of the sink's base path) a record is written to. The file sink
 * uses string ids: the relative path of the bucket directory, "" for the base path itself.
 */
@FunctionalInterface
@PublicEvolving
public interface BucketAssigner<IN, BucketID> extends Serializable {
  BucketID getBucketId(IN element, Context context);

  /** What the assigner learns about the record. */
  interface Context {
    /** Processing time of the writing task. */
    long currentProcessingTime();

    long currentWatermark();

    /** The record's event timestamp, or null if it has none. */
    Long timestamp();
  }
}
