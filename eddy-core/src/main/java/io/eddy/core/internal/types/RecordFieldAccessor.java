package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.internal.types.reflect.RecordAccess;
import java.io.IOException;
import java.io.ObjectInputStream;

/** Component {@code pos} of a record; {@link #set} builds a new record (canonical constructor). */
final class RecordFieldAccessor<T, F> implements FieldAccessor<T, F> {
  private static final long serialVersionUID = 1L;

  private final Class<T> recordClass;
  private final int pos;
  private final TypeInformation<F> fieldType;
  private transient RecordAccess access;

  RecordFieldAccessor(Class<T> recordClass, int pos, TypeInformation<F> fieldType) {
    this.recordClass = recordClass;
    this.pos = pos;
    this.fieldType = fieldType;
    this.access = RecordAccess.of(recordClass);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    access = RecordAccess.of(recordClass);
  }

  @Override
  @SuppressWarnings("unchecked")
  public F get(T value) {
    return (F) access.get(value, pos);
  }

  @Override
  public T set(T value, F fieldValue) {
    Object[] components = new Object[access.arity()];
    for (int i = 0; i < components.length; i++) {
      components[i] = i == pos ? fieldValue : access.get(value, i);
    }
    return recordClass.cast(access.create(components));
  }

  @Override
  public TypeInformation<F> getFieldType() {
    return fieldType;
  }
}
