/**
 * Test harnesses for user functions and Eddy's operators, in the spirit of Kafka Streams' {@code
 * TopologyTestDriver}: run one operator as one subtask on the test thread, feed it elements,
 * watermarks and processing time, read its main and side outputs, snapshot it and restore a new
 * harness from the snapshot at the same or another parallelism. Everything runs through the real
 * operators, keyed state backend, timer services and snapshot serialization; a harness is
 * single-threaded (the test thread is the task thread).
 *
 * <p>Start with {@link io.eddy.testutils.harness.FunctionHarnesses} for a function (a window's with
 * {@link io.eddy.testutils.harness.FunctionHarnesses#forWindow}), {@link
 * io.eddy.testutils.harness.OneInputOperatorHarness#builder} / {@link
 * io.eddy.testutils.harness.TwoInputOperatorHarness#builder} for an operator, or {@link
 * io.eddy.testutils.harness.ChainHarness#builder()} for several one-input steps chained as in a
 * task.
 */
package io.eddy.testutils.harness;
