package io.eddy.api.java.tuple;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/** Base of {@link Tuple1} to {@link Tuple5}: fields addressable by position. */
@PublicEvolving
public abstract class Tuple implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract int getArity();

  public abstract <T> T getField(int pos);

  public abstract <T> void setField(T value, int pos);

  /** A shallow copy. */
  public abstract Tuple copy();

  /** The tuple class with {@code arity} fields. */
  public static Class<? extends Tuple> getTupleClass(int arity) {
    return switch (arity) {
      case 1 -> Tuple1.class;
      case 2 -> Tuple2.class;
      case 3 -> Tuple3.class;
      case 4 -> Tuple4.class;
      case 5 -> Tuple5.class;
      default -> throw new IllegalArgumentException("Tuples have 1 to 5 fields, not " + arity);
    };
  }

  /** A new, empty tuple with {@code arity} fields. */
  public static Tuple newInstance(int arity) {
    return switch (arity) {
      case 1 -> new Tuple1<>();
      case 2 -> new Tuple2<>();
      case 3 -> new Tuple3<>();
      case 4 -> new Tuple4<>();
      case 5 -> new Tuple5<>();
      default -> throw new IllegalArgumentException("Tuples have 1 to 5 fields, not " + arity);
    };
  }
}
