package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.time.Duration;

/** Periodic watermarks for ascending timestamps: the largest timestamp seen minus one. */
@PublicEvolving
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
  public AscendingTimestampsWatermarks() {
    super(Duration.ZERO);
  }
}
