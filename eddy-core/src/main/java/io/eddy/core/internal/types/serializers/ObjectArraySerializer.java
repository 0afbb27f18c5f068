package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Array;

/** Serializes non-null object arrays: a var-int length, then each element (which may be null). */
public final class ObjectArraySerializer<C> extends TypeSerializer<C[]> {
  private static final long serialVersionUID = 1L;

  private final Class<C> componentClass;
  private final TypeSerializer<C> elementSerializer;

  /** Arrays of {@code componentClass} whose elements {@code elementSerializer} writes. */
  public ObjectArraySerializer(Class<C> componentClass, TypeSerializer<C> elementSerializer) {
    this.componentClass = componentClass;
    this.elementSerializer = elementSerializer;
  }

  @Override
  public void serialize(C[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (C element : value) {
      Nulls.write(elementSerializer, element, out);
    }
  }

  @Override
  public C[] deserialize(DataInputView in) throws IOException {
    C[] value = newArray(in.readVarInt());
    for (int i = 0; i < value.length; i++) {
      value[i] = Nulls.read(elementSerializer, in);
    }
    return value;
  }

  @Override
  public C[] copy(C[] value) {
    C[] copy = newArray(value.length);
    for (int i = 0; i < value.length; i++) {
      copy[i] = Nulls.copy(elementSerializer, value[i]);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private C[] newArray(int length) {
    return (C[]) Array.newInstance(componentClass, length);
  }

  @Override
  public TypeSerializer<C[]> duplicate() {
    TypeSerializer<C> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer
        ? this
        : new ObjectArraySerializer<>(componentClass, duplicate);
  }
}
