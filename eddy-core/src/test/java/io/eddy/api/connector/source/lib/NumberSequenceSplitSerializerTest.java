package io.eddy.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.core.internal.connector.source.SplitListSerializer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberSequenceSplitSerializerTest {

  @Test
  void splitRoundTrip() throws Exception {
    NumberSequenceSplitSerializer serializer = new NumberSequenceSplitSerializer();
    NumberSequenceSplit split = new NumberSequenceSplit("12", Long.MIN_VALUE, Long.MIN_VALUE + 5);
    assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)))
        .isEqualTo(split);
  }

  @Test
  void enumeratorCheckpointRoundTrip() throws Exception {
    NumberSequenceSource source = new NumberSequenceSource(0, 100);
    var serializer = source.getEnumeratorCheckpointSerializer();
    List<NumberSequenceSplit> splits = NumberSequenceSplit.splitRange(0, 100, 7);
    assertThat(serializer.deserialize(1, serializer.serialize(splits))).isEqualTo(splits);
    assertThat(serializer.deserialize(1, serializer.serialize(List.of()))).isEmpty();
    assertThat(serializer).isInstanceOf(SplitListSerializer.class);
  }
}
