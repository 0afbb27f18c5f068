package io.eddy.api.java.tuple;

import io.eddy.api.annotation.PublicEvolving;
import java.util.Objects;

/**
 * A tuple of 1 fields, public and mutable like Flink's: {@code t.f0}. {@code toString} prints
 * {@code (f0)}.
 */
@PublicEvolving
public class Tuple1<T0> extends Tuple {
  private static final long serialVersionUID = 1L;

  public T0 f0;

  public Tuple1() {}

  public Tuple1(T0 f0) {
    this.f0 = f0;
  }

  public static <T0> Tuple1<T0> of(T0 f0) {
    return new Tuple1<>(f0);
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    return (T)
        switch (pos) {
          case 0 -> f0;
          default -> throw new IndexOutOfBoundsException("Tuple1 has no field " + pos);
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void setField(T value, int pos) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      default -> throw new IndexOutOfBoundsException("Tuple1 has no field " + pos);
    }
  }

  @Override
  public Tuple1<T0> copy() {
    return new Tuple1<>(f0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tuple1<?> o && Objects.equals(f0, o.f0);
  }

  @Override
  public int hashCode() {
    return Objects.hash(f0);
  }

  @Override
  public String toString() {
    return "(" + f0 + ")";
  }
}
