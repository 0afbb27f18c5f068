package io.eddy.api.windowing.assigners;

import io.eddy.api.annotation.Public;
import java.io.Serializable;

/** The session gap for an element, for sessions whose gap depends on the data. */
@FunctionalInterface
@Public
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
  /** The gap in milliseconds; must be positive. */
  long extract(T element);
}
