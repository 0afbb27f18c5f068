package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.ObjectArraySerializer;
import java.lang.reflect.Array;
import java.util.Objects;

/** Arrays of objects ({@code String[]}, {@code Tuple2<String, Long>[]}, ...). */
public final class ObjectArrayTypeInfo<C> extends TypeInformation<C[]> {
  private static final long serialVersionUID = 1L;

  private final Class<C[]> arrayClass;
  private final TypeInformation<C> componentType;

  /** Arrays whose elements have type {@code componentType}. */
  @SuppressWarnings("unchecked")
  public ObjectArrayTypeInfo(TypeInformation<C> componentType) {
    this.componentType = componentType;
    this.arrayClass = (Class<C[]>) Array.newInstance(componentType.getTypeClass(), 0).getClass();
  }

  public TypeInformation<C> getComponentType() {
    return componentType;
  }

  @Override
  public Class<C[]> getTypeClass() {
    return arrayClass;
  }

  @Override
  public TypeSerializer<C[]> createSerializer() {
    return new ObjectArraySerializer<>(
        componentType.getTypeClass(), componentType.createSerializer());
  }

  @Override
  public boolean isKnown() {
    return componentType.isKnown();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectArrayTypeInfo<?> other && other.componentType.equals(componentType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ObjectArrayTypeInfo.class, componentType);
  }

  @Override
  public String toString() {
    return componentType + "[]";
  }
}
