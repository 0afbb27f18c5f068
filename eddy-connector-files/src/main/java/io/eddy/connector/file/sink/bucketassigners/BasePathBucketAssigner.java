package io.eddy.connector.file.sink.bucketassigners;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.connector.file.sink.BucketAssigner;

/** Writes all records directly into the sink's base path. */
@PublicEvolving
public final class BasePathBucketAssigner<IN> implements BucketAssigner<IN, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getBucketId(IN element, Context context) {
    return "";
  }
}
