package io.eddy.runtime.streamrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.core.internal.types.serializers.StringSerializer;
import org.junit.jupiter.api.Test;

class StreamElementSerializerTest {
  private final StreamElementSerializer<String> serializer =
      new StreamElementSerializer<>(StringSerializer.INSTANCE);

  @Test
  void roundTripsEveryKindWithStableTags() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serializeRecord(new StreamRecord<>("a"), out);
    serializer.serializeRecord(new StreamRecord<>("b", 42), out);
    serializer.serializeWatermark(new WatermarkElement(7), out);
    serializer.serializeWatermarkStatus(WatermarkStatus.IDLE, out);
    serializer.serializeWatermarkStatus(WatermarkStatus.ACTIVE, out);
    byte[] bytes = out.getCopyOfBuffer();
    assertThat(bytes[0]).as("record tag").isEqualTo((byte) 0);

    DataInputDeserializer in = new DataInputDeserializer(bytes);
    StreamRecord<String> a = serializer.deserialize(in).asRecord();
    assertThat(a.getValue()).isEqualTo("a");
    assertThat(a.hasTimestamp()).isFalse();
    StreamRecord<String> b = serializer.deserialize(in).asRecord();
    assertThat(b.getValue()).isEqualTo("b");
    assertThat(b.getTimestamp()).isEqualTo(42);
    assertThat(serializer.deserialize(in).asWatermark()).isEqualTo(new WatermarkElement(7));
    assertThat(serializer.deserialize(in)).isSameAs(WatermarkStatus.IDLE);
    assertThat(serializer.deserialize(in)).isSameAs(WatermarkStatus.ACTIVE);
  }
}
