/**
 * Sinks: a {@link Sink} makes a {@link SinkWriter} per subtask; {@link SupportsWriterState} and
 * {@link SupportsCommitter} (with {@link CommittingSinkWriter} and {@link Committer}) add
 * checkpointed writer state and two-phase commit; {@link PrintSink} and {@link DiscardingSink} are
 * built in. File sinks live in eddy-connector-files. It may import {@code io.eddy.api.annotation}
 * and other {@code io.eddy.api} packages; no public signature names a core, internal or
 * {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.connector.sink;
