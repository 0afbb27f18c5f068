package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.PojoAccess;
import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * Serializes non-null POJOs of exactly one class field by field: a null mask (see {@link
 * NullMask}), then the non-null fields. Field accessors are resolved when the serializer is
 * created. A value of a subclass is rejected, since its extra fields would be lost. Keeps scratch
 * arrays, so {@link #duplicate()} returns a new instance.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final TypeSerializer<Object>[] fieldSerializers;
  private transient PojoAccess access;
  private transient Object[] values;
  private transient boolean[] nulls;

  /** POJOs of {@code pojoClass}, one serializer per field in {@code PojoAnalysis} order. */
  public PojoSerializer(Class<T> pojoClass, TypeSerializer<?>[] fieldSerializers) {
    this.pojoClass = pojoClass;
    this.fieldSerializers = Serializers.erase(fieldSerializers);
    init();
    if (access.arity() != fieldSerializers.length) {
      throw new IllegalArgumentException(
          pojoClass.getName()
              + " has "
              + access.arity()
              + " fields, not "
              + fieldSerializers.length);
    }
  }

  private void init() {
    access = PojoAccess.of(pojoClass);
    values = new Object[fieldSerializers.length];
    nulls = new boolean[fieldSerializers.length];
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    if (value.getClass() != pojoClass) {
      throw new IllegalArgumentException(
          "Expected a "
              + pojoClass.getName()
              + " but got its subclass "
              + value.getClass().getName()
              + "; declare the stream type as the subclass or as unknown");
    }
    Object[] fields = values;
    for (int i = 0; i < fields.length; i++) {
      fields[i] = access.get(value, i);
    }
    NullMask.write(fields, out);
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] != null) {
        fieldSerializers[i].serialize(fields[i], out);
        fields[i] = null;
      }
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    Object pojo = access.newInstance();
    NullMask.read(nulls, in);
    for (int i = 0; i < nulls.length; i++) {
      access.set(pojo, i, nulls[i] ? null : fieldSerializers[i].deserialize(in));
    }
    return pojoClass.cast(pojo);
  }

  @Override
  public T copy(T value) {
    Object copy = access.newInstance();
    for (int i = 0; i < fieldSerializers.length; i++) {
      Object field = access.get(value, i);
      access.set(copy, i, field == null ? null : fieldSerializers[i].copy(field));
    }
    return pojoClass.cast(copy);
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new PojoSerializer<>(pojoClass, Serializers.duplicate(fieldSerializers));
  }
}
