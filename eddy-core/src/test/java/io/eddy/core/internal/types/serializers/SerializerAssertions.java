package io.eddy.core.internal.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.memory.DataInputDeserializer;
import io.eddy.core.internal.memory.DataOutputSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Round-trip helpers for serializer tests. */
public final class SerializerAssertions {
  private SerializerAssertions() {}

  /** Serializes and deserializes {@code value} (twice, to exercise reuse); returns the copy. */
  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(4);
      serializer.serialize(value, out);
      serializer.serialize(value, out);
      DataInputDeserializer in = new DataInputDeserializer();
      in.setBuffer(out.getSharedBuffer(), 0, out.length());
      T first = serializer.deserialize(in);
      T second = serializer.deserialize(in);
      assertThat(in.available()).as("bytes left after reading").isZero();
      assertThat(second).usingRecursiveComparison().isEqualTo(first);
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code value} survives a round trip, a copy, and a round trip through a duplicate
   * of the serializer after the serializer itself went through Java serialization (as it does when
   * shipped with the job graph).
   */
  public static <T> void assertRoundTrip(TypeSerializer<T> serializer, T value) {
    assertThat(roundTrip(serializer, value)).usingRecursiveComparison().isEqualTo(value);
    T copy = serializer.copy(value);
    assertThat(copy).usingRecursiveComparison().isEqualTo(value);
    TypeSerializer<T> shipped = javaRoundTrip(serializer).duplicate();
    assertThat(roundTrip(shipped, value)).usingRecursiveComparison().isEqualTo(value);
  }

  @SuppressWarnings("unchecked")
  public static <T> T javaRoundTrip(T object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
