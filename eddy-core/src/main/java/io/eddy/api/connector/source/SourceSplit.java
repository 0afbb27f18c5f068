package io.eddy.api.connector.source;

/** A unit of work for a source reader: a file range, a Kafka partition, a number range. */
public interface SourceSplit {
  /** Unique within the source. */
  String splitId();
}
