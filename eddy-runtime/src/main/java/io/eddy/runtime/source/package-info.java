/**
 * The JobManager side of sources: a {@link SourceCoordinator} runs a source's {@code
 * SplitEnumerator} on a thread of its own and relays operator events between it and the source
 * readers in the tasks; {@link UncheckpointedAssignments} remembers the splits given since the
 * latest completed checkpoint, so that a reader restarting alone gets them back. Below {@code
 * scheduler}: it may import {@code checkpoint} and every layer under it.
 */
package io.eddy.runtime.source;
