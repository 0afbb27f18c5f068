package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.internal.types.reflect.PojoAccess;
import java.io.IOException;
import java.io.ObjectInputStream;

/** Field {@code pos} of a POJO; {@link #set} updates the POJO in place. */
final class PojoFieldAccessor<T, F> implements FieldAccessor<T, F> {
  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final int pos;
  private final TypeInformation<F> fieldType;
  private transient PojoAccess access;

  PojoFieldAccessor(Class<T> pojoClass, int pos, TypeInformation<F> fieldType) {
    this.pojoClass = pojoClass;
    this.pos = pos;
    this.fieldType = fieldType;
    this.access = PojoAccess.of(pojoClass);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    access = PojoAccess.of(pojoClass);
  }

  @Override
  @SuppressWarnings("unchecked")
  public F get(T value) {
    return (F) access.get(value, pos);
  }

  @Override
  public T set(T value, F fieldValue) {
    access.set(value, pos, fieldValue);
    return value;
  }

  @Override
  public TypeInformation<F> getFieldType() {
    return fieldType;
  }
}
