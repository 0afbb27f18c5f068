package io.eddy.runtime.operators;

import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Behind {@code DataStream.assignTimestampsAndWatermarks}: gives each record the timestamp of the
 * strategy's assigner, feeds the generator, and runs its periodic emission as a processing-time
 * mail every auto-watermark interval. Its watermarks replace the upstream ones: only the final
 * watermark ({@code Long.MAX_VALUE}, end of input) passes through; upstream idle/active statuses
 * are dropped, since the generator decides (with {@code withIdleness}). All calls on the task
 * thread.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {
  private final WatermarkStrategy<T> strategy;
  private final long autoWatermarkIntervalMillis;
  private EventTimeGeneration<T> eventTime;

  public TimestampsAndWatermarksOperator(
      WatermarkStrategy<T> strategy, long autoWatermarkIntervalMillis) {
    this.strategy = strategy;
    this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
  }

  @Override
  public void open() throws Exception {
    try {
      eventTime = new EventTimeGeneration<>(strategy, setup.processingTimeService(), output);
    } catch (Exception e) {
      throw userError(e);
    }
    eventTime.startPeriodicEmission(setup.processingTimeService(), autoWatermarkIntervalMillis);
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    long timestamp;
    try {
      timestamp =
          eventTime.onRecord(
              record.getValue(), record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE);
    } catch (Exception e) {
      throw userError(e);
    }
    record.setTimestamp(timestamp);
    output.collect(record);
  }

  @Override
  public void processWatermark(WatermarkElement watermark) {
    if (watermark.getTimestamp() == Long.MAX_VALUE) {
      currentWatermark = Long.MAX_VALUE;
      eventTime.emitFinalWatermark();
    }
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {}

  /** One last periodic emit, as the input ended. */
  @Override
  public void finish() {
    try {
      eventTime.emitPeriodic();
    } catch (Exception e) {
      throw userError(e);
    }
  }
}
