package io.eddy.core.execution;

import java.io.Serializable;

/**
 * The environment's settings that travel with a job.
 *
 * @param parallelism default parallelism of operators that set none
 * @param maxParallelism default number of key groups
 * @param bufferTimeoutMillis how long a partly filled network buffer may wait before it is sent; 0
 *     sends after every record
 */
public record ExecutionConfig(int parallelism, int maxParallelism, long bufferTimeoutMillis)
    implements Serializable {}
