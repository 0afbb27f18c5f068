package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.RecordAccess;
import io.eddy.core.internal.types.serializers.RecordSerializer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Java record, serialized component by component. Fields are the components: position is the
 * component index, name the component name. Prints as the record's simple name.
 */
public final class RecordTypeInfo<R> extends TypeInformation<R> {
  private static final long serialVersionUID = 1L;

  private final Class<R> recordClass;
  private final String[] fieldNames;
  private final TypeInformation<?>[] fieldTypes;

  /** The record {@code recordClass} with one type per component, in declaration order. */
  public RecordTypeInfo(Class<R> recordClass, TypeInformation<?>[] fieldTypes) {
    RecordAccess access = RecordAccess.of(recordClass);
    if (access.arity() != fieldTypes.length) {
      throw new IllegalArgumentException(
          recordClass.getName()
              + " has "
              + access.arity()
              + " components, not "
              + fieldTypes.length);
    }
    this.recordClass = recordClass;
    this.fieldNames = access.names();
    this.fieldTypes = fieldTypes.clone();
  }

  public String getFieldName(int pos) {
    return fieldNames[pos];
  }

  public TypeInformation<?> getFieldType(int pos) {
    return fieldTypes[pos];
  }

  /** Position of the component called {@code name}, or -1. */
  public int getFieldIndex(String name) {
    return Arrays.asList(fieldNames).indexOf(name);
  }

  /** The component names in order. */
  public String[] getFieldNames() {
    return fieldNames.clone();
  }

  @Override
  public Class<R> getTypeClass() {
    return recordClass;
  }

  @Override
  public int getArity() {
    return fieldTypes.length;
  }

  @Override
  public TypeSerializer<R> createSerializer() {
    return new RecordSerializer<>(recordClass, TypeInfos.serializers(fieldTypes));
  }

  @Override
  public boolean isKnown() {
    return TypeInfos.allKnown(fieldTypes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordTypeInfo<?> other
        && other.recordClass == recordClass
        && Arrays.equals(other.fieldTypes, fieldTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recordClass, Arrays.hashCode(fieldTypes));
  }

  @Override
  public String toString() {
    return recordClass.getSimpleName();
  }
}
