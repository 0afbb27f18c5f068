package io.eddy.runtime.operators;

import io.eddy.api.java.tuple.Tuple;

/**
 * The running state of {@code sum(pos)} on a tuple whose summed field holds Longs: the other fields
 * of the key's first tuple and the sum as a primitive, in one object. Compared with keeping the
 * last emitted tuple, an update reads one object instead of a tuple and its boxed field (two cache
 * misses on large state) and needs no write back to the state map. Task thread only.
 */
final class TupleLongSum {
  private final int arity;
  private final int position;
  private Object f0;
  private Object f1;
  private Object f2;
  private Object f3;
  private Object f4;
  private long sum;

  /** The accumulator that starts with the key's first tuple. */
  TupleLongSum(Tuple first, int position) {
    this.arity = first.getArity();
    this.position = position;
    this.f0 = field(first, 0);
    this.f1 = field(first, 1);
    this.f2 = field(first, 2);
    this.f3 = field(first, 3);
    this.f4 = field(first, 4);
    this.sum = (Long) first.getField(position);
  }

  /**
   * A new accumulator with the same sum, whose other fields come from {@code copier} applied to
   * {@link #current()} (a deep copy, so that the two share no mutable field).
   */
  TupleLongSum copy(java.util.function.UnaryOperator<Tuple> copier) {
    return new TupleLongSum(copier.apply(current()), position);
  }

  private Object field(Tuple t, int i) {
    return i < arity ? t.getField(i) : null;
  }

  /** Adds {@code value} and returns a new tuple with the sum in place of the summed field. */
  Tuple add(long value) {
    sum += value;
    return current();
  }

  /** A new tuple: the first tuple's fields with the sum in place of the summed field. */
  Tuple current() {
    Tuple out = Tuple.newInstance(arity);
    switch (arity) {
      case 5:
        out.setField(f4, 4);
      // fall through
      case 4:
        out.setField(f3, 3);
      // fall through
      case 3:
        out.setField(f2, 2);
      // fall through
      case 2:
        out.setField(f1, 1);
      // fall through
      default:
        out.setField(f0, 0);
    }
    out.setField(sum, position);
    return out;
  }
}
