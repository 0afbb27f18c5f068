package io.eddy.api.datastream;

import io.eddy.api.annotation.PublicEvolving;

/**
 * An element of either of two streams, tagged with its side: how window joins and coGroups run both
 * inputs through one keyed window operator. Window assigners, triggers and evictors of a join or
 * coGroup see these elements.
 */
@PublicEvolving
public final class TaggedUnion<T1, T2> {
  private final T1 one;
  private final T2 two;

  private TaggedUnion(T1 one, T2 two) {
    this.one = one;
    this.two = two;
  }

  public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
    return new TaggedUnion<>(value, null);
  }

  public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
    return new TaggedUnion<>(null, value);
  }

  public boolean isOne() {
    return one != null;
  }

  public T1 getOne() {
    return one;
  }

  public T2 getTwo() {
    return two;
  }

  @Override
  public String toString() {
    return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
  }
}
