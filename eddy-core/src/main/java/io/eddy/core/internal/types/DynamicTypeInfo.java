package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.DynamicSerializer;

/**
 * A type not known when the graph is built: each value is tagged with its runtime class (see {@link
 * DynamicSerializer}). Prints as {@code Dynamic}; {@link #isKnown()} is false.
 */
public final class DynamicTypeInfo extends TypeInformation<Object> {
  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final DynamicTypeInfo INSTANCE = new DynamicTypeInfo();

  private DynamicTypeInfo() {}

  @Override
  public Class<Object> getTypeClass() {
    return Object.class;
  }

  /** A new serializer: it caches per-class serializers, so it is not shared. */
  @Override
  public TypeSerializer<Object> createSerializer() {
    return new DynamicSerializer();
  }

  @Override
  public boolean isKnown() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamicTypeInfo;
  }

  @Override
  public int hashCode() {
    return DynamicTypeInfo.class.getName().hashCode();
  }

  @Override
  public String toString() {
    return "Dynamic";
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
