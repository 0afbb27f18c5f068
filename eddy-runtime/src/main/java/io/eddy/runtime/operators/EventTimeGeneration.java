package io.eddy.runtime.operators;

import io.eddy.api.common.eventtime.TimestampAssigner;
import io.eddy.api.common.eventtime.TimestampAssignerSupplier;
import io.eddy.api.common.eventtime.WatermarkGenerator;
import io.eddy.api.common.eventtime.WatermarkGeneratorSupplier;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.runtime.time.ProcessingTimeService;

/**
 * One instance of a {@link WatermarkStrategy}: its timestamp assigner, its watermark generator, and
 * the periodic emission on the task's processing-time service. Shared by {@link
 * TimestampsAndWatermarksOperator} and the source operator (per reader). Task thread only.
 */
public final class EventTimeGeneration<T> {
  private final TimestampAssigner<T> assigner;
  private final WatermarkGenerator<T> generator;
  private final WatermarkEmitter emitter;

  public EventTimeGeneration(
      WatermarkStrategy<T> strategy, ProcessingTimeService timeService, Output<?> output) {
    this.assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
    WatermarkGeneratorSupplier.Context context = timeService::getCurrentProcessingTime;
    this.generator = strategy.createWatermarkGenerator(context);
    this.emitter = new WatermarkEmitter(output);
  }

  /**
   * Calls the generator's {@code onPeriodicEmit} every {@code intervalMillis} (as a mail); 0 or
   * less: never.
   */
  public void startPeriodicEmission(ProcessingTimeService timeService, long intervalMillis) {
    if (intervalMillis > 0) {
      timeService.scheduleAtFixedRate(t -> emitPeriodic(), intervalMillis, intervalMillis);
    }
  }

  /**
   * The record's event timestamp; tells the generator about the event, and makes an idle output
   * active. Call it before emitting the record.
   *
   * @param recordTimestamp the timestamp the record carries, or {@code Long.MIN_VALUE}
   */
  public long onRecord(T value, long recordTimestamp) {
    long timestamp = assigner.extractTimestamp(value, recordTimestamp);
    emitter.markActiveForRecord();
    generator.onEvent(value, timestamp, emitter);
    return timestamp;
  }

  public void emitPeriodic() {
    generator.onPeriodicEmit(emitter);
  }

  /** The final watermark (end of input): every timer downstream fires. */
  public void emitFinalWatermark() {
    emitter.emitWatermark(Long.MAX_VALUE);
  }

  public long getCurrentWatermark() {
    return emitter.getCurrentWatermark();
  }
}
