package io.eddy.api.functions.co;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.AbstractRichFunction;
import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.api.datastream.OutputTag;

/**
 * The contexts shared by {@link BroadcastProcessFunction} and {@link
 * KeyedBroadcastProcessFunction}. Broadcast state belongs to each parallel instance of the
 * operator: every instance receives every broadcast element and must update its state the same way,
 * so that all instances hold identical copies. That is why only the broadcast side may write it.
 * All calls run on the task thread, never concurrently.
 */
@Public
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** What every call may ask. */
  public abstract class BaseContext {
    /** The current element's event timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Emits a record to the side output identified by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);

    public abstract long currentProcessingTime();

    /** The operator's watermark: the minimum of both inputs' watermarks. */
    public abstract long currentWatermark();
  }

  /** The broadcast side's context: the broadcast state is writable. */
  public abstract class Context extends BaseContext {
    /**
     * The broadcast state {@code descriptor} names.
     *
     * @throws IllegalArgumentException if {@code descriptor} was not passed to {@code broadcast}
     */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor);
  }

  /** The non-broadcast side's context: the broadcast state is read-only. */
  public abstract class ReadOnlyContext extends BaseContext {
    /**
     * A read-only view of the broadcast state {@code descriptor} names.
     *
     * @throws IllegalArgumentException if {@code descriptor} was not passed to {@code broadcast}
     */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor);
  }
}
