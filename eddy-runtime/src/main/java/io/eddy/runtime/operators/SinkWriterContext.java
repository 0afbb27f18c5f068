package io.eddy.runtime.operators;

import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.runtime.streamrecord.StreamRecord;

/**
 * What a sink writer learns about the record it writes: its timestamp and the last watermark. One
 * instance per sink operator, re-pointed before each write. Task thread only.
 */
final class SinkWriterContext implements SinkWriter.Context {
  StreamRecord<?> record;
  long watermark = Long.MIN_VALUE;

  @Override
  public Long timestamp() {
    return record.hasTimestamp() ? record.getTimestamp() : null;
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }
}
