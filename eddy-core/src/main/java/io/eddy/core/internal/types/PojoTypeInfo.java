package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.PojoAccess;
import io.eddy.core.internal.types.serializers.PojoSerializer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A POJO (see {@code PojoAnalysis} for the rules), serialized field by field. Fields are addressed
 * by name, or by position in declaration order (superclass fields first). Prints as the class's
 * simple name.
 */
public final class PojoTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final String[] fieldNames;
  private final TypeInformation<?>[] fieldTypes;

  /** The POJO {@code pojoClass} with one type per field, in {@code PojoAnalysis} order. */
  public PojoTypeInfo(Class<T> pojoClass, TypeInformation<?>[] fieldTypes) {
    PojoAccess access = PojoAccess.of(pojoClass);
    if (access.arity() != fieldTypes.length) {
      throw new IllegalArgumentException(
          pojoClass.getName() + " has " + access.arity() + " fields, not " + fieldTypes.length);
    }
    this.pojoClass = pojoClass;
    this.fieldNames = new String[fieldTypes.length];
    for (int i = 0; i < fieldNames.length; i++) {
      fieldNames[i] = access.name(i);
    }
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

  @Override
  public Class<T> getTypeClass() {
    return pojoClass;
  }

  @Override
  public int getArity() {
    return fieldTypes.length;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new PojoSerializer<>(pojoClass, TypeInfos.serializers(fieldTypes));
  }

  @Override
  public boolean isKnown() {
    return TypeInfos.allKnown(fieldTypes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PojoTypeInfo<?> other
        && other.pojoClass == pojoClass
        && Arrays.equals(other.fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pojoClass, Arrays.hashCode(fieldTypes));
  }

  @Override
  public String toString() {
    return pojoClass.getSimpleName();
  }
}
