package io.eddy.runtime.streamrecord;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Writes stream elements as a one-byte tag followed by the payload: a record's value (and
 * timestamp), a watermark's timestamp, or a watermark status (one byte: 1 idle, 0 active). Tags are
 * part of the wire format: new kinds get new tags, existing tags never change. Reading reuses one
 * record instance, so the caller must finish with a record before reading the next.
 */
public final class StreamElementSerializer<T> {
  private static final byte TAG_RECORD = 0;
  private static final byte TAG_RECORD_WITH_TIMESTAMP = 1;
  private static final byte TAG_WATERMARK = 2;
  private static final byte TAG_WATERMARK_STATUS = 3;

  private final TypeSerializer<T> valueSerializer;
  private final StreamRecord<T> reuse = new StreamRecord<>(null);

  public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
    this.valueSerializer = valueSerializer.duplicate();
  }

  public TypeSerializer<T> getValueSerializer() {
    return valueSerializer;
  }

  public void serializeRecord(StreamRecord<T> record, DataOutputView out) throws IOException {
    if (record.hasTimestamp()) {
      out.writeByte(TAG_RECORD_WITH_TIMESTAMP);
      out.writeLong(record.getTimestamp());
    } else {
      out.writeByte(TAG_RECORD);
    }
    valueSerializer.serialize(record.getValue(), out);
  }

  public void serializeWatermark(WatermarkElement watermark, DataOutputView out)
      throws IOException {
    out.writeByte(TAG_WATERMARK);
    out.writeLong(watermark.getTimestamp());
  }

  public void serializeWatermarkStatus(WatermarkStatus status, DataOutputView out)
      throws IOException {
    out.writeByte(TAG_WATERMARK_STATUS);
    out.writeByte(status.isIdle() ? 1 : 0);
  }

  public StreamElement deserialize(DataInputView in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case TAG_RECORD:
        reuse.eraseTimestamp();
        return reuse.replace(valueSerializer.deserialize(in));
      case TAG_RECORD_WITH_TIMESTAMP:
        long ts = in.readLong();
        return reuse.replace(valueSerializer.deserialize(in), ts);
      case TAG_WATERMARK:
        return new WatermarkElement(in.readLong());
      case TAG_WATERMARK_STATUS:
        return WatermarkStatus.of(in.readByte() != 0);
      default:
        throw new IOException("Corrupt stream: unknown element tag " + tag);
    }
  }
}
