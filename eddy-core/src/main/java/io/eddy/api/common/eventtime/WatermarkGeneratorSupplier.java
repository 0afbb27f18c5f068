package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel instance (source reader or operator). */
@FunctionalInterface
@PublicEvolving
public interface WatermarkGeneratorSupplier<T> extends Serializable {
  WatermarkGenerator<T> createWatermarkGenerator(Context context);

  /** What the runtime offers a generator when it is created. */
  interface Context {
    /**
     * The task's processing time in milliseconds. Replaceable in tests (a manual clock), so
     * generators that measure inactivity should use it rather than the system clock.
     */
    long getCurrentProcessingTime();
  }
}
