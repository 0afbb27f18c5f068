package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.ListSerializer;
import java.util.List;
import java.util.Objects;

/** {@link List}s with elements of one type; values are read back as {@code ArrayList}. */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> elementType;

  public ListTypeInfo(TypeInformation<T> elementType) {
    this.elementType = Objects.requireNonNull(elementType);
  }

  public TypeInformation<T> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<List<T>> getTypeClass() {
    return (Class) List.class;
  }

  @Override
  public TypeSerializer<List<T>> createSerializer() {
    return new ListSerializer<>(elementType.createSerializer());
  }

  @Override
  public boolean isKnown() {
    return elementType.isKnown();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListTypeInfo<?> other && other.elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ListTypeInfo.class, elementType);
  }

  @Override
  public String toString() {
    return "List<" + elementType + ">";
  }
}
