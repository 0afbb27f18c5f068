/**
 * What a client submits: the {@link JobGraph} of {@link JobVertex} chains and {@link JobEdge}
 * exchanges, each vertex's {@link VertexConfig} and {@link OperatorConfig}s (Java-serialized user
 * code, {@link UserCodeSerialization}, only for the job artifact), {@link SourceSpec}, and {@link
 * EdgeConnections} (which producer subtasks feed which consumers). Below {@code snapshot}: it may
 * import only the base packages ({@code streamrecord}, {@code time}, {@code rpc}) and eddy-core.
 */
package io.eddy.runtime.graph;
