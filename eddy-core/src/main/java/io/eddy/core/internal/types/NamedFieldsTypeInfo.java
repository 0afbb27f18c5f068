package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import java.util.Arrays;
import java.util.Objects;

/**
 * A class whose values are a fixed list of named, typed fields (records and POJOs): fields are
 * addressed by position or by name. Prints as the class's simple name.
 */
public abstract class NamedFieldsTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final String[] fieldNames;
  private final TypeInformation<?>[] fieldTypes;

  protected NamedFieldsTypeInfo(
      Class<T> typeClass, String[] fieldNames, TypeInformation<?>[] fieldTypes) {
    if (fieldNames.length != fieldTypes.length) {
      throw new IllegalArgumentException(
          typeClass.getName() + " has " + fieldNames.length + " fields, not " + fieldTypes.length);
    }
    this.typeClass = typeClass;
    this.fieldNames = fieldNames.clone();
    this.fieldTypes = fieldTypes.clone();
  }

  public String getFieldName(int pos) {
    return fieldNames[pos];
  }

  public TypeInformation<?> getFieldType(int pos) {
    return fieldTypes[pos];
  }

  /** Position of the field called {@code name}, or -1. */
  public int getFieldIndex(String name) {
    return Arrays.asList(fieldNames).indexOf(name);
  }

  /** The field names in order. */
  public String[] getFieldNames() {
    return fieldNames.clone();
  }

  protected TypeInformation<?>[] fieldTypes() {
    return fieldTypes;
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public int getArity() {
    return fieldTypes.length;
  }

  @Override
  public boolean isKnown() {
    return TypeInfos.allKnown(fieldTypes);
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((NamedFieldsTypeInfo<?>) o).typeClass == typeClass
        && Arrays.equals(((NamedFieldsTypeInfo<?>) o).fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeClass, Arrays.hashCode(fieldTypes));
  }

  @Override
  public String toString() {
    return typeClass.getSimpleName();
  }
}
