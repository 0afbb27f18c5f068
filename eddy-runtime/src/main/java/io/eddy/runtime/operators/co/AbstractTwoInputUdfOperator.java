package io.eddy.runtime.operators.co;

import io.eddy.api.common.functions.Function;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.runtime.operators.AbstractUdfStreamOperator;
import io.eddy.runtime.operators.TwoInputStreamOperator;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;

/**
 * Base of the two-input operators around one user function: combines the inputs' watermarks and
 * statuses ({@link TwoInputWatermarks}) before firing timers and forwarding, and sets the current
 * key from the key selector of the input a record came from. Task thread only.
 */
public abstract class AbstractTwoInputUdfOperator<IN1, IN2, OUT, F extends Function>
    extends AbstractUdfStreamOperator<OUT, F> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private final TwoInputWatermarks watermarks = new TwoInputWatermarks();

  protected AbstractTwoInputUdfOperator(F userFunction) {
    super(userFunction);
  }

  @Override
  public final void processWatermark1(WatermarkElement watermark) throws Exception {
    advanceTo(watermarks.inputWatermark(0, watermark.getTimestamp()));
  }

  @Override
  public final void processWatermark2(WatermarkElement watermark) throws Exception {
    advanceTo(watermarks.inputWatermark(1, watermark.getTimestamp()));
  }

  @Override
  public final void processWatermarkStatus1(WatermarkStatus status) throws Exception {
    statusChanged(watermarks.inputStatus(0, status.isIdle()));
  }

  @Override
  public final void processWatermarkStatus2(WatermarkStatus status) throws Exception {
    statusChanged(watermarks.inputStatus(1, status.isIdle()));
  }

  private void advanceTo(long combined) throws Exception {
    if (combined != TwoInputWatermarks.NO_CHANGE) {
      processWatermark(new WatermarkElement(combined)); // fires event-time timers, then forwards
    }
  }

  private void statusChanged(long combined) throws Exception {
    advanceTo(combined);
    if (watermarks.takeStatusChange()) {
      processWatermarkStatus(WatermarkStatus.of(watermarks.isOutputIdle()));
    }
  }

  /** On a keyed operator, makes the key of a first-input record current and returns it. */
  protected Object setKeyContext1(Object value) {
    return keyed ? setKeyContext(value) : null;
  }

  /**
   * On a keyed operator whose second input has a key (not the broadcast side), makes the key of a
   * second-input record current and returns it; null otherwise.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Object setKeyContext2(Object value) {
    KeySelector selector = setup.keySelector2();
    if (!keyed || selector == null) {
      return null;
    }
    Object key;
    try {
      key = selector.getKey(value);
    } catch (Exception e) {
      throw userError(e);
    }
    ((KeyedStateBackend) setup.keyedStateBackend()).setCurrentKey(key);
    return key;
  }
}
