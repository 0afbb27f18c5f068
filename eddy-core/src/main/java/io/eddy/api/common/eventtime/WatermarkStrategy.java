package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.time.Duration;

/**
 * How a stream gets event time: a {@link TimestampAssigner} for each record and a {@link
 * WatermarkGenerator} for the watermarks. Apply one with {@code
 * DataStream.assignTimestampsAndWatermarks(strategy)} or in a source with {@code
 * env.fromSource(source, strategy, name)}:
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *     .withTimestampAssigner((event, previous) -> event.time())
 *     .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * Strategies are serializable and travel with the job; each parallel instance creates its own
 * assigner and generator.
 */
@FunctionalInterface
@PublicEvolving
public interface WatermarkStrategy<T>
    extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

  /** By default records keep the timestamp they carry (for example from the source). */
  @Override
  default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return new RecordTimestampAssigner<>();
  }

  /** This strategy with timestamps taken from each record by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    if (assigner == null) {
      throw new IllegalArgumentException("The timestamp assigner must not be null.");
    }
    return new WatermarkStrategyWithTimestampAssigner<>(
        this, TimestampAssignerSupplier.of(assigner));
  }

  /** This strategy with timestamp assigners created by {@code supplier}. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
    if (supplier == null) {
      throw new IllegalArgumentException("The timestamp assigner supplier must not be null.");
    }
    return new WatermarkStrategyWithTimestampAssigner<>(this, supplier);
  }

  /**
   * This strategy, declaring the input idle when it has had no records for {@code idleTimeout} of
   * processing time, so that downstream watermarks advance without it. It becomes active again with
   * its next record.
   */
  default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "The idle timeout must be a positive duration, but was " + idleTimeout + ".");
    }
    return new WatermarkStrategyWithIdleness<>(this, idleTimeout);
  }

  // ------------------------------------------------------------------ common strategies

  /**
   * For timestamps that never decrease within a parallel instance: the watermark is the largest
   * timestamp seen minus one.
   */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return context -> new AscendingTimestampsWatermarks<>();
  }

  /**
   * For records at most {@code maxOutOfOrderness} later than the largest timestamp seen so far: the
   * watermark is that timestamp minus {@code maxOutOfOrderness} minus one, emitted periodically.
   */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "The maximum out-of-orderness must not be negative, but was " + maxOutOfOrderness + ".");
    }
    return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** Watermarks from a custom generator. */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
    if (generatorSupplier == null) {
      throw new IllegalArgumentException("The watermark generator supplier must not be null.");
    }
    return generatorSupplier::createWatermarkGenerator;
  }

  /**
   * No watermarks (processing-time jobs). A bounded input still ends with the final watermark, so
   * event-time timers fire at the end.
   */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return context -> new NoWatermarksGenerator<>();
  }
}
