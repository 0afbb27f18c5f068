package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.ReaderOutput;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.core.internal.connector.source.OnDemandSplitEnumerator;
import io.eddy.core.internal.connector.source.SplitCursor;
import io.eddy.core.internal.connector.source.SplitListSerializer;
import io.eddy.core.internal.connector.source.SplitQueueReader;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.IOException;
import java.util.List;

/**
 * A bounded source of a fixed sequence of elements, in order; behind {@code env.fromElements(...)}
 * and {@code env.fromCollection(...)}.
 *
 * <p>The elements travel with the job as bytes written by their {@link TypeSerializer} (never by
 * Java serialization), so they need not be {@link java.io.Serializable}. All elements form one
 * split, read by one reader; the split's position is the index of the next element, so a restored
 * reader continues after the last element it emitted.
 *
 * @param <T> the element type
 */
@PublicEvolving
public final class FromElementsSource<T>
    implements Source<T, FromElementsSplit, List<FromElementsSplit>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> serializer;
  private final byte[] serializedElements;
  private final int count;

  /**
   * @param serializer the serializer that wrote the elements
   * @param serializedElements the elements as written by {@link #serializeElements}
   * @param count the number of elements in {@code serializedElements}
   */
  public FromElementsSource(TypeSerializer<T> serializer, byte[] serializedElements, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    this.serializer = serializer;
    this.serializedElements = serializedElements.clone();
    this.count = count;
  }

  /** A source of {@code elements}, serialized now with {@code serializer}. */
  public static <T> FromElementsSource<T> of(TypeSerializer<T> serializer, Iterable<T> elements) {
    int[] count = new int[1];
    byte[] bytes = serializeElements(serializer, elements, count);
    return new FromElementsSource<>(serializer, bytes, count[0]);
  }

  /**
   * Writes {@code elements} one after the other with {@code serializer} in the format this source
   * reads.
   *
   * @throws IllegalArgumentException if an element cannot be serialized
   */
  public static <T> byte[] serializeElements(TypeSerializer<T> serializer, Iterable<T> elements) {
    return serializeElements(serializer, elements, new int[1]);
  }

  private static <T> byte[] serializeElements(
      TypeSerializer<T> serializer, Iterable<T> elements, int[] count) {
    DataOutputSerializer out = new DataOutputSerializer(256);
    for (T element : elements) {
      try {
        serializer.serialize(element, out);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "Could not serialize element " + count[0] + " (" + element + "): " + e, e);
      }
      count[0]++;
    }
    return out.getCopyOfBuffer();
  }

  public int getCount() {
    return count;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<T, FromElementsSplit> createReader(SourceReaderContext readerContext) {
    return new Reader<>(readerContext, serializer.duplicate(), serializedElements, count);
  }

  @Override
  public SplitEnumerator<FromElementsSplit, List<FromElementsSplit>> createEnumerator(
      SplitEnumeratorContext<FromElementsSplit> enumContext) {
    List<FromElementsSplit> splits = count == 0 ? List.of() : List.of(new FromElementsSplit(0));
    return new OnDemandSplitEnumerator<>(enumContext, splits);
  }

  @Override
  public SplitEnumerator<FromElementsSplit, List<FromElementsSplit>> restoreEnumerator(
      SplitEnumeratorContext<FromElementsSplit> enumContext, List<FromElementsSplit> checkpoint) {
    return new OnDemandSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FromElementsSplit> getSplitSerializer() {
    return new FromElementsSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<FromElementsSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(new FromElementsSplitSerializer());
  }

  private static final class Reader<T> extends SplitQueueReader<T, FromElementsSplit> {
    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;

    Reader(SourceReaderContext context, TypeSerializer<T> serializer, byte[] elements, int count) {
      super(context, DEFAULT_BATCH_SIZE, null);
      this.serializer = serializer;
      this.elements = elements;
      this.count = count;
    }

    @Override
    protected SplitCursor<T, FromElementsSplit> openCursor(FromElementsSplit split)
        throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(elements);
      for (int i = 0; i < split.position(); i++) {
        serializer.deserialize(in); // skips the elements emitted before the checkpoint
      }
      return new SplitCursor<>() {
        private int position = split.position();

        @Override
        public int emit(ReaderOutput<T> output, int max) throws IOException {
          int emitted = 0;
          while (emitted < max && position < count) {
            output.collect(serializer.deserialize(in));
            position++;
            emitted++;
          }
          return emitted;
        }

        @Override
        public FromElementsSplit remainder() {
          return position < count ? new FromElementsSplit(position) : null;
        }
      };
    }
  }
}
