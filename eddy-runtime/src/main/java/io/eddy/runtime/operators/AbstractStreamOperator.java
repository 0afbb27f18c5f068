package io.eddy.runtime.operators;

import io.eddy.runtime.streamrecord.Watermark;

/** Base of the runtime's operators: keeps the setup and forwards watermarks. */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorSetup<OUT> setup;
  protected Output<OUT> output;

  /** Whether the operator runs on a keyed stream (has a key selector and keyed state). */
  protected boolean keyed;

  @Override
  public void setup(OperatorSetup<OUT> setup) {
    this.setup = setup;
    this.output = setup.output();
    this.keyed = setup.keySelector() != null && setup.keyedStateBackend() != null;
  }

  @Override
  public void open() throws Exception {}

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  public void processWatermark(Watermark watermark) throws Exception {
    output.emitWatermark(watermark);
  }

  /**
   * For keyed operators: makes the record's key the current key of the state backend, and returns
   * it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Object setKeyContext(Object value) {
    Object key;
    try {
      key = ((io.eddy.api.common.functions.KeySelector) setup.keySelector()).getKey(value);
    } catch (Exception e) {
      throw userError(e);
    }
    ((io.eddy.runtime.state.HeapKeyedStateBackend) setup.keyedStateBackend()).setCurrentKey(key);
    return key;
  }

  /** Wraps a user function's exception so the job's error names this operator and subtask. */
  protected RuntimeException userError(Exception e) {
    if (e instanceof UserCodeException u) {
      return u; // thrown further down the chain: already names its operator
    }
    return new UserCodeException(setup.description(), e);
  }
}
