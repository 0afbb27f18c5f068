package io.eddy.runtime.network.partition;

import java.io.Serializable;

/**
 * Names the output of one producer subtask attempt on one of its outgoing edges.
 *
 * @param producerAttemptId the execution attempt that produces the data
 * @param outputIndex which of the producer's network outputs
 */
public record ResultPartitionId(String producerAttemptId, int outputIndex)
    implements Serializable {}
