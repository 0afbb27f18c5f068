package io.eddy.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import io.eddy.core.testutils.source.TestingSourceRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FromElementsSourceTest {

  /** Writes a string and a long, so that the var-int paths are used. */
  private static final class TestingStringSerializer extends TypeSerializer<String> {
    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
      out.writeString(value);
      out.writeVarLong(value.length() * -1_000_000_007L);
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
      String value = in.readString();
      assertThat(in.readVarLong()).isEqualTo(value.length() * -1_000_000_007L);
      return value;
    }

    @Override
    public String copy(String value) {
      return value;
    }
  }

  private static final List<String> ELEMENTS =
      IntStream.range(0, 1500)
          .mapToObj(i -> i % 3 == 0 ? "élément " + i + " ✓ \uD800" : "e" + i)
          .toList();

  @Test
  void emitsAllElementsInOrderFromOneReader() throws Exception {
    FromElementsSource<String> source =
        FromElementsSource.of(new TestingStringSerializer(), ELEMENTS);
    assertThat(source.getCount()).isEqualTo(1500);
    TestingSourceRun<String, FromElementsSplit> run = new TestingSourceRun<>(source, 3);

    run.runToEnd(new int[] {1, 1, 1}, 1000);

    assertThat(run.allRecords()).containsExactlyElementsOf(ELEMENTS);
  }

  @Test
  void noElements() throws Exception {
    TestingSourceRun<String, FromElementsSplit> run =
        new TestingSourceRun<>(FromElementsSource.of(new TestingStringSerializer(), List.of()), 2);
    run.runToEnd(new int[] {1, 1}, 10);
    assertThat(run.allRecords()).isEmpty();
  }

  @Test
  void resumesAtTheSnapshottedIndex() throws Exception {
    byte[] bytes = FromElementsSource.serializeElements(new TestingStringSerializer(), ELEMENTS);
    FromElementsSource<String> source =
        new FromElementsSource<>(new TestingStringSerializer(), bytes, ELEMENTS.size());
    SourceReader<String, FromElementsSplit> reader =
        source.createReader(new TestingSourceReaderContext());
    reader.addSplits(List.of(new FromElementsSplit(0)));
    TestingReaderOutput<String> before = new TestingReaderOutput<>();
    reader.pollNext(before);
    List<FromElementsSplit> state = reader.snapshotState(1);
    assertThat(state).containsExactly(new FromElementsSplit(512));

    var serializer = source.getEnumeratorCheckpointSerializer();
    List<FromElementsSplit> restoredState = serializer.deserialize(1, serializer.serialize(state));
    SourceReader<String, FromElementsSplit> restored =
        source.createReader(new TestingSourceReaderContext());
    restored.addSplits(restoredState);
    restored.notifyNoMoreSplits();
    TestingReaderOutput<String> after = new TestingReaderOutput<>();
    while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {}

    List<String> all = new ArrayList<>(before.records());
    all.addAll(after.records());
    assertThat(all).containsExactlyElementsOf(ELEMENTS);
  }

  @Test
  void splitSerializerRoundTrip() throws Exception {
    FromElementsSplitSerializer serializer = new FromElementsSplitSerializer();
    assertThat(serializer.deserialize(1, serializer.serialize(new FromElementsSplit(77))))
        .isEqualTo(new FromElementsSplit(77));
  }
}
