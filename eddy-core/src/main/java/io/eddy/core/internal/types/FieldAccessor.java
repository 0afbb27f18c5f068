package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import java.io.Serializable;

/**
 * Reads and writes one field of a record-like value (tuple field, record component, POJO field, or
 * the value itself for basic types), for keys and aggregations. Created by {@link FieldAccessors};
 * all reflective lookups happen at creation (or, for dynamic types, once per runtime class).
 *
 * @param <T> the type of the values
 * @param <F> the type of the field
 */
public interface FieldAccessor<T, F> extends Serializable {

  /** The field's value in {@code value}. */
  F get(T value);

  /**
   * Sets the field and returns the updated value: {@code value} itself when it is mutable (tuples,
   * POJOs), a new instance for immutable ones (records, basic types).
   */
  T set(T value, F fieldValue);

  /** The type of the field ({@link DynamicTypeInfo} when unknown). */
  TypeInformation<F> getFieldType();
}
