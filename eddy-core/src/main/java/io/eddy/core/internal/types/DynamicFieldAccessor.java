package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A field of values whose type is only known at run time: the accessor for each runtime class is
 * created on its first value and cached. A bad field fails on the first value of a class.
 */
final class DynamicFieldAccessor implements FieldAccessor<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final int pos;
  private final String name;
  private transient Map<Class<?>, FieldAccessor<Object, Object>> accessors;

  /** By position when {@code name} is null, else by name. */
  DynamicFieldAccessor(int pos, String name) {
    this.pos = pos;
    this.name = name;
    this.accessors = new ConcurrentHashMap<>();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    accessors = new ConcurrentHashMap<>();
  }

  private FieldAccessor<Object, Object> accessorFor(Object value) {
    Class<?> type = value.getClass();
    FieldAccessor<Object, Object> accessor = accessors.get(type);
    if (accessor == null) {
      TypeInformation<Object> info = TypeExtractor.forClass(castClass(type));
      if (info instanceof DynamicTypeInfo) { // e.g. new Object(): the value itself, never dynamic
        info = new GenericTypeInfo<>(castClass(type));
      }
      accessor =
          name == null ? FieldAccessors.forPosition(info, pos) : FieldAccessors.forName(info, name);
      accessors.put(type, accessor);
    }
    return accessor;
  }

  @SuppressWarnings("unchecked")
  private static Class<Object> castClass(Class<?> type) {
    return (Class<Object>) type;
  }

  @Override
  public Object get(Object value) {
    return accessorFor(value).get(value);
  }

  @Override
  public Object set(Object value, Object fieldValue) {
    return accessorFor(value).set(value, fieldValue);
  }

  @Override
  public TypeInformation<Object> getFieldType() {
    return DynamicTypeInfo.INSTANCE;
  }
}
