package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.KryoSerializer;

/**
 * A class Eddy cannot analyse, serialized with the slow generic Kryo fallback (a warning is logged
 * once per class). Prints as {@code Generic<SimpleName>}.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;

  public GenericTypeInfo(Class<T> typeClass) {
    this.typeClass = typeClass;
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new KryoSerializer<>(typeClass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return 31 + typeClass.hashCode();
  }

  @Override
  public String toString() {
    return "Generic<" + typeClass.getSimpleName() + ">";
  }
}
