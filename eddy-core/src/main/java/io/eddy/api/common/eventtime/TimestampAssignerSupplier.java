package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/** Creates a {@link TimestampAssigner} in each parallel instance that needs one. */
@FunctionalInterface
@PublicEvolving
public interface TimestampAssignerSupplier<T> extends Serializable {
  TimestampAssigner<T> createTimestampAssigner(Context context);

  /** Wraps a serializable assigner. */
  static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
    return context -> assigner;
  }

  /** What the runtime offers an assigner when it is created. */
  interface Context {}
}
