package io.eddy.runtime.operators;

/**
 * An operator of a task's chain. The runtime owns operators; users write functions.
 *
 * <p>Lifecycle, all on the task thread:
 *
 * <pre>
 * setup ─▶ open ─▶ (processElement | processWatermark | mails)* ─▶ finish ─▶ close
 *                                      └────────── failure/cancel ──────────▶ close
 * </pre>
 *
 * {@code open} runs tail-first so downstream operators are ready before the head emits; {@code
 * finish} runs head-first after the end of input and may still emit (flushing buffered results);
 * {@code close} always runs and releases resources.
 */
public interface StreamOperator<OUT> {
  void setup(OperatorSetup<OUT> setup);

  void open() throws Exception;

  /** The input has ended; emit whatever is still buffered. */
  void finish() throws Exception;

  void close() throws Exception;
}
