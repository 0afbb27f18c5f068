package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.RecordAccess;
import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * Serializes non-null Java records component by component: a null mask (see {@link NullMask}), then
 * the non-null components. Accessors and the canonical constructor are resolved when the serializer
 * is created. Keeps scratch arrays, so {@link #duplicate()} returns a new instance.
 */
public final class RecordSerializer<R> extends TypeSerializer<R> {
  private static final long serialVersionUID = 1L;

  private final Class<R> recordClass;
  private final TypeSerializer<Object>[] componentSerializers;
  private final boolean immutable;
  private transient RecordAccess access;
  private transient Object[] values;
  private transient boolean[] nulls;

  /** Records of {@code recordClass}, one serializer per component in declaration order. */
  public RecordSerializer(Class<R> recordClass, TypeSerializer<?>[] componentSerializers) {
    this.recordClass = recordClass;
    this.componentSerializers = Serializers.erase(componentSerializers);
    this.immutable = Serializers.allImmutable(componentSerializers);
    init();
    if (access.arity() != componentSerializers.length) {
      throw new IllegalArgumentException(
          recordClass.getName()
              + " has "
              + access.arity()
              + " components, not "
              + componentSerializers.length);
    }
  }

  private void init() {
    access = RecordAccess.of(recordClass);
    values = new Object[componentSerializers.length];
    nulls = new boolean[componentSerializers.length];
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  @Override
  public void serialize(R value, DataOutputView out) throws IOException {
    Object[] components = values;
    for (int i = 0; i < components.length; i++) {
      components[i] = access.get(value, i);
    }
    NullMask.write(components, out);
    for (int i = 0; i < components.length; i++) {
      if (components[i] != null) {
        componentSerializers[i].serialize(components[i], out);
        components[i] = null;
      }
    }
  }

  @Override
  public R deserialize(DataInputView in) throws IOException {
    Object[] components = values;
    NullMask.read(nulls, in);
    for (int i = 0; i < components.length; i++) {
      components[i] = nulls[i] ? null : componentSerializers[i].deserialize(in);
    }
    return build(components);
  }

  @Override
  public R copy(R value) {
    if (immutable) {
      return value;
    }
    Object[] components = values;
    for (int i = 0; i < components.length; i++) {
      Object component = access.get(value, i);
      components[i] = component == null ? null : componentSerializers[i].copy(component);
    }
    return build(components);
  }

  private R build(Object[] components) {
    try {
      return recordClass.cast(access.create(components));
    } finally {
      java.util.Arrays.fill(components, null);
    }
  }

  @Override
  public boolean isImmutableType() {
    return immutable;
  }

  @Override
  public TypeSerializer<R> duplicate() {
    return new RecordSerializer<>(recordClass, Serializers.duplicate(componentSerializers));
  }
}
