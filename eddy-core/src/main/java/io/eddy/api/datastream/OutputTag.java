package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.core.internal.types.TypeExtractor;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.util.Objects;

/**
 * Names a side output. Create it as an anonymous subclass so its type is captured: {@code new
 * OutputTag<String>("late") {}}, or pass the type explicitly.
 */
@Public
public class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final TypeInformation<T> typeInfo;

  @SuppressWarnings("unchecked")
  public OutputTag(String id) {
    this.id = requireId(id);
    if (getClass().getGenericSuperclass() instanceof ParameterizedType p) {
      this.typeInfo = (TypeInformation<T>) TypeExtractor.forType(p.getActualTypeArguments()[0]);
    } else {
      this.typeInfo = TypeInformation.unknown();
    }
  }

  public OutputTag(String id, TypeInformation<T> typeInfo) {
    this.id = requireId(id);
    this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
  }

  private static String requireId(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("An OutputTag needs a non-empty id.");
    }
    return id;
  }

  public String getId() {
    return id;
  }

  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
