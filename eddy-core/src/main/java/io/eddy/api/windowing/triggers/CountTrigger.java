package io.eddy.api.windowing.triggers;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.state.ReducingState;
import io.eddy.api.common.state.ReducingStateDescriptor;
import io.eddy.api.windowing.windows.Window;

/** Fires a window each time it has received {@code maxCount} more elements. */
@Public
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;
  private final long maxCount;
  private final ReducingStateDescriptor<Long> countDescriptor =
      new ReducingStateDescriptor<>("count-trigger", Long::sum, Long.class);

  private CountTrigger(long maxCount) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("The count must be positive, but was " + maxCount);
    }
    this.maxCount = maxCount;
  }

  public static <W extends Window> CountTrigger<W> of(long maxCount) {
    return new CountTrigger<>(maxCount);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
    ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) {
    ctx.mergePartitionedState(countDescriptor);
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ctx.getPartitionedState(countDescriptor).clear();
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
