package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;

/**
 * Creates {@link FieldAccessor}s by position or name:
 *
 * <ul>
 *   <li>tuples: position {@code 0..arity-1}, name {@code "f0".."f4"};
 *   <li>records: position = component index, name = component name;
 *   <li>POJOs: name, or position in declared field order (superclass fields first);
 *   <li>other known types (basic types, arrays, ...): position 0 is the value itself;
 *   <li>{@link DynamicTypeInfo}: resolved from the runtime class of the first value, per class.
 * </ul>
 *
 * A field that does not exist is an {@link IllegalArgumentException} naming the type and its
 * fields.
 */
public final class FieldAccessors {
  private FieldAccessors() {}

  /** The accessor for field {@code pos} of {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T, F> FieldAccessor<T, F> forPosition(TypeInformation<T> type, int pos) {
    if (type instanceof DynamicTypeInfo) {
      return (FieldAccessor<T, F>) new DynamicFieldAccessor(pos, null);
    }
    int arity = type.getArity();
    if (type instanceof TupleTypeInfo<?> tuple) {
      checkPosition(type, pos, arity);
      return new TupleFieldAccessor(pos, tuple.getFieldType(pos));
    }
    if (type instanceof RecordTypeInfo<?> record) {
      checkPosition(type, pos, arity);
      return new RecordFieldAccessor(record.getTypeClass(), pos, record.getFieldType(pos));
    }
    if (type instanceof PojoTypeInfo<?> pojo) {
      checkPosition(type, pos, arity);
      return new PojoFieldAccessor(pojo.getTypeClass(), pos, pojo.getFieldType(pos));
    }
    if (pos != 0) {
      throw new IllegalArgumentException(
          "Field "
              + pos
              + " does not exist in "
              + type
              + " (it has only field 0, the value itself)");
    }
    return (FieldAccessor<T, F>) new ValueAccessor<>(type);
  }

  /** The accessor for the field called {@code name} of {@code type}. */
  public static <T, F> FieldAccessor<T, F> forName(TypeInformation<T> type, String name) {
    if (type instanceof DynamicTypeInfo) {
      @SuppressWarnings("unchecked")
      FieldAccessor<T, F> dynamic = (FieldAccessor<T, F>) new DynamicFieldAccessor(-1, name);
      return dynamic;
    }
    String[] names = fieldNames(type);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return forPosition(type, i);
      }
    }
    throw new IllegalArgumentException(
        "Field '"
            + name
            + "' does not exist in "
            + type
            + (names.length == 0
                ? " (it has no named fields; use position 0 for the value itself)"
                : " (it has fields " + String.join(", ", names) + ")"));
  }

  private static String[] fieldNames(TypeInformation<?> type) {
    if (type instanceof RecordTypeInfo<?> record) {
      return record.getFieldNames();
    }
    if (type instanceof PojoTypeInfo<?> pojo) {
      return pojo.getFieldNames();
    }
    if (type instanceof TupleTypeInfo<?> tuple) {
      String[] names = new String[tuple.getArity()];
      for (int i = 0; i < names.length; i++) {
        names[i] = "f" + i;
      }
      return names;
    }
    return new String[0];
  }

  private static void checkPosition(TypeInformation<?> type, int pos, int arity) {
    if (pos < 0 || pos >= arity) {
      String fields = arity == 0 ? "no fields" : "fields 0.." + (arity - 1);
      throw new IllegalArgumentException(
          "Field " + pos + " does not exist in " + type + " (it has " + fields + ")");
    }
  }
}
