package io.eddy.core.internal.windowing;

import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.internal.types.FieldAccessor;
import io.eddy.core.internal.types.FieldAccessors;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce function of a window's {@code sum}, {@code min} and {@code max} of one field: the
 * other fields keep the values of the window's first element. Never changes its inputs (an element
 * may sit in several windows): it changes a copy.
 */
public final class FieldAggregator<T> implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;

  /** The aggregation. */
  public enum Kind {
    SUM,
    MIN,
    MAX
  }

  private final Kind kind;
  private final FieldAccessor<T, Object> field;
  private final TypeSerializer<T> serializer;
  private transient TypeSerializer<T> taskSerializer;

  /**
   * @param position a tuple position, record component index, or 0 for a plain number (when {@code
   *     fieldName} is null)
   */
  public FieldAggregator(Kind kind, TypeInformation<T> type, int position, String fieldName) {
    this.kind = kind;
    this.field =
        fieldName == null
            ? FieldAccessors.forPosition(type, position)
            : FieldAccessors.forName(type, fieldName);
    this.serializer = type.createSerializer();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public T reduce(T current, T in) {
    Object a = field.get(current);
    Object b = field.get(in);
    return switch (kind) {
      case SUM -> field.set(copy(current), add(a, b));
      case MIN -> ((Comparable) b).compareTo(a) < 0 ? field.set(copy(current), b) : current;
      case MAX -> ((Comparable) b).compareTo(a) > 0 ? field.set(copy(current), b) : current;
    };
  }

  @SuppressWarnings("unchecked")
  private T copy(T value) {
    if (value instanceof Tuple tuple) {
      return (T) tuple.copy();
    } else if (value instanceof Record) {
      return value; // the accessor builds a new record
    }
    if (taskSerializer == null) {
      taskSerializer = serializer.duplicate();
    }
    return taskSerializer.copy(value);
  }

  static Object add(Object a, Object b) {
    if (a instanceof Long x) {
      return x + (Long) b;
    } else if (a instanceof Integer x) {
      return x + (Integer) b;
    } else if (a instanceof Double x) {
      return x + (Double) b;
    } else if (a instanceof Float x) {
      return x + (Float) b;
    } else if (a instanceof Short x) {
      return (short) (x + (Short) b);
    } else if (a instanceof Byte x) {
      return (byte) (x + (Byte) b);
    } else if (a instanceof BigDecimal x) {
      return x.add((BigDecimal) b);
    } else if (a instanceof BigInteger x) {
      return x.add((BigInteger) b);
    }
    throw new IllegalArgumentException(
        "sum needs a numeric field, but the field holds "
            + (a == null ? "null" : a.getClass().getName())
            + ".");
  }
}
