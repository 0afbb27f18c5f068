package io.eddy.api.common.typeinfo;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.core.internal.types.TypeExtractor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Captures a generic type at compile time: {@code new TypeHint<Tuple2<String, Long>>() {}}. */
@PublicEvolving
public abstract class TypeHint<T> {
  private final TypeInformation<T> typeInfo;

  @SuppressWarnings("unchecked")
  protected TypeHint() {
    Type superType = getClass().getGenericSuperclass();
    if (!(superType instanceof ParameterizedType p)) {
      throw new IllegalArgumentException(
          "TypeHint must be created as an anonymous subclass with a type argument, e.g. new TypeHint<Tuple2<String, Long>>() {}");
    }
    this.typeInfo = (TypeInformation<T>) TypeExtractor.forType(p.getActualTypeArguments()[0]);
  }

  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }
}
