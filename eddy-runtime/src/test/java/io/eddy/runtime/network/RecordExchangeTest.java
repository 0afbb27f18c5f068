package io.eddy.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.runtime.network.api.NetworkEvent;
import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.network.buffer.Buffer;
import io.eddy.runtime.network.buffer.NetworkBufferPool;
import io.eddy.runtime.network.input.RecordDeserializer;
import io.eddy.runtime.network.partition.ResultPartition;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.network.partitioner.RebalancePartitioner;
import io.eddy.runtime.streamrecord.StreamElement;
import io.eddy.runtime.streamrecord.StreamElementSerializer;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records written by a RecordWriter come out of the RecordDeserializer unchanged, in order. */
class RecordExchangeTest {

  @Test
  void recordsOfAnySizeSurviveSmallBuffersInOrder() throws Exception {
    NetworkBufferPool pool = new NetworkBufferPool(1000, 64);
    ResultPartition partition =
        new ResultPartition(new ResultPartitionId("a", 0), 1, pool.createLocalPool(1000));
    var serializer = TypeInformation.of(String.class).createSerializer();
    RecordWriter<String> writer =
        new RecordWriter<>(
            partition,
            new RebalancePartitioner<>(),
            new StreamElementSerializer<>(serializer),
            false);
    List<String> sent = new ArrayList<>();
    StreamRecord<String> reuse = new StreamRecord<>(null);
    for (int i = 0; i < 300; i++) {
      String value = "x".repeat(i % 150) + i; // from tiny to several buffers long
      sent.add(value);
      if (i % 7 == 0) {
        writer.emit(reuse.replace(value, i));
      } else {
        reuse.eraseTimestamp();
        writer.emit(reuse.replace(value));
      }
    }
    writer.broadcastWatermark(new WatermarkElement(42));
    writer.broadcastEvent(NetworkEvent.END_OF_PARTITION);

    RecordDeserializer<String> deserializer =
        new RecordDeserializer<>(new StreamElementSerializer<>(serializer));
    List<String> received = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    WatermarkElement watermark = null;
    Buffer buffer;
    boolean ended = false;
    while ((buffer = partition.getSubpartition(0).poll()) != null) {
      if (buffer.isEvent()) {
        assertThat(NetworkEvent.fromCode(buffer.memory()[0]))
            .isEqualTo(NetworkEvent.END_OF_PARTITION);
        buffer.recycle();
        ended = true;
        continue;
      }
      deserializer.setNextBuffer(buffer);
      StreamElement e;
      while ((e = deserializer.next()) != null) {
        if (e.isRecord()) {
          StreamRecord<String> r = e.asRecord();
          received.add(r.getValue());
          if (r.hasTimestamp()) {
            timestamps.add(r.getTimestamp());
          }
        } else {
          watermark = e.asWatermark();
        }
      }
    }
    assertThat(ended).isTrue();
    assertThat(received).containsExactlyElementsOf(sent);
    assertThat(timestamps).hasSize(43).startsWith(0L, 7L, 14L);
    assertThat(watermark).isEqualTo(new WatermarkElement(42));
    partition.release(); // returns the local pool's buffers; any buffer not recycled stays used
    assertThat(pool.getUsedSegments()).as("all buffers were recycled").isZero();
  }
}
