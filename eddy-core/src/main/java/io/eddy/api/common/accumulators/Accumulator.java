package io.eddy.api.common.accumulators;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A value that each parallel instance adds to and that the job result reports merged over all
 * instances. {@code V} is what is added, {@code R} the result.
 */
@PublicEvolving
public interface Accumulator<V, R extends Serializable> extends Serializable {
  void add(V value);

  R getLocalValue();

  void resetLocal();

  /** Adds another instance's value to this one. */
  void merge(Accumulator<V, R> other);

  Accumulator<V, R> clone();
}
