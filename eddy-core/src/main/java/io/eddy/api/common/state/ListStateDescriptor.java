package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;

/**
 * Describes a {@link ListState}; the type given is the type of the elements.
 *
 * @param <T> the type of the elements
 */
@Public
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
  private static final long serialVersionUID = 1L;

  public ListStateDescriptor(String name, Class<T> elementType) {
    super(name, elementType);
  }

  public ListStateDescriptor(String name, TypeInformation<T> elementType) {
    super(name, elementType);
  }

  /** The type of the elements (same as {@link #getTypeInformation()}). */
  public TypeInformation<T> getElementTypeInformation() {
    return getTypeInformation();
  }

  @Override
  public Type getType() {
    return Type.LIST;
  }
}
