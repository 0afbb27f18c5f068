package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;

/** A unit of work for a source reader: a file range, a Kafka partition, a number range. */
@Public
public interface SourceSplit {
  /** Unique within the source. */
  String splitId();
}
