package io.eddy.runtime.graph;

import java.io.Serializable;
import java.util.List;

/**
 * A task of the job: an operator chain that runs with {@code parallelism} subtasks.
 *
 * @param index position in {@link JobGraph#vertices()} (topological order)
 * @param name chain name, e.g. {@code "Source -> Map"}
 * @param operatorNames names of the chained operators, head first
 * @param parallelism number of subtasks
 * @param maxParallelism number of key groups
 * @param slotSharingGroup slot sharing group
 * @param isSource whether the head is a source
 * @param serializedConfig the Java-serialized {@link VertexConfig} (holds user code)
 */
public record JobVertex(
    int index,
    String name,
    List<String> operatorNames,
    int parallelism,
    int maxParallelism,
    String slotSharingGroup,
    boolean isSource,
    byte[] serializedConfig)
    implements Serializable {}
