package io.eddy.runtime.operators;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Adds boxed numbers of the same type, for {@code sum}. */
final class Numbers {
  private Numbers() {}

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
