package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes non-null lists as a var-int size and the elements (which may be null); reads back an
 * {@link ArrayList}.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> elementSerializer;

  /** Lists whose elements {@code elementSerializer} writes. */
  public ListSerializer(TypeSerializer<T> elementSerializer) {
    this.elementSerializer = elementSerializer;
  }

  @Override
  public void serialize(List<T> value, DataOutputView out) throws IOException {
    int size = value.size();
    out.writeVarInt(size);
    if (value instanceof java.util.RandomAccess) {
      for (int i = 0; i < size; i++) {
        Nulls.write(elementSerializer, value.get(i), out);
      }
    } else {
      for (T element : value) {
        Nulls.write(elementSerializer, element, out);
      }
    }
  }

  @Override
  public List<T> deserialize(DataInputView in) throws IOException {
    int size = in.readVarInt();
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(Nulls.read(elementSerializer, in));
    }
    return list;
  }

  @Override
  public List<T> copy(List<T> value) {
    List<T> copy = new ArrayList<>(value.size());
    for (T element : value) {
      copy.add(Nulls.copy(elementSerializer, element));
    }
    return copy;
  }

  @Override
  public TypeSerializer<List<T>> duplicate() {
    TypeSerializer<T> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer ? this : new ListSerializer<>(duplicate);
  }
}
