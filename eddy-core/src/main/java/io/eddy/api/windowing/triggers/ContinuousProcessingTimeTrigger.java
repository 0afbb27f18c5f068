package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.windowing.windows.TimeWindow;
import io.eddy.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time (at multiples of the interval) while it
 * has elements, and at its end.
 */
@Public
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;
  private final long interval;
  private final ReducingStateDescriptor<Long> nextFireDescriptor =
      new ReducingStateDescriptor<>("continuous-processing-time-trigger", Math::min, Long.class);

  private ContinuousProcessingTimeTrigger(long interval) {
    if (interval <= 0) {
      throw new IllegalArgumentException("The interval must be positive, but was " + interval);
    }
    this.interval = interval;
  }

  public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
    return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
    ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
    if (nextFire.get() == null) {
      long now = ctx.getCurrentProcessingTime();
      long start = TimeWindow.getWindowStartWithOffset(now, 0, interval);
      register(start + interval, window, ctx, nextFire);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
    Long fireAt = nextFire.get();
    if (fireAt != null && fireAt == time) {
      nextFire.clear();
      if (time < window.maxTimestamp()) {
        register(time + interval, window, ctx, nextFire);
      }
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) {
    ctx.mergePartitionedState(nextFireDescriptor);
    Long fireAt = ctx.getPartitionedState(nextFireDescriptor).get();
    if (fireAt != null) {
      ctx.registerProcessingTimeTimer(fireAt);
    }
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
    Long fireAt = nextFire.get();
    if (fireAt != null) {
      ctx.deleteProcessingTimeTimer(fireAt);
      nextFire.clear();
    }
  }

  private static void register(
      long time, Window window, TriggerContext ctx, ReducingState<Long> nextFire) {
    long fireAt = Math.min(time, window.maxTimestamp());
    nextFire.add(fireAt);
    ctx.registerProcessingTimeTimer(fireAt);
  }

  @Override
  public String toString() {
    return "ContinuousProcessingTimeTrigger(" + interval + ")";
  }
}
