package io.eddy.runtime.network.partition;

import io.eddy.runtime.network.buffer.LocalBufferPool;

/**
 * The output of one producer subtask on one edge: one subpartition per consumer subtask it feeds,
 * and the bounded buffer pool they are filled from.
 */
public final class ResultPartition {
  private final ResultPartitionId id;
  private final ResultSubpartition[] subpartitions;
  private final LocalBufferPool bufferPool;

  public ResultPartition(ResultPartitionId id, int numSubpartitions, LocalBufferPool bufferPool) {
    this.id = id;
    this.bufferPool = bufferPool;
    this.subpartitions = new ResultSubpartition[numSubpartitions];
    for (int i = 0; i < numSubpartitions; i++) {
      subpartitions[i] = new ResultSubpartition();
    }
  }

  public ResultPartitionId getId() {
    return id;
  }

  public int getNumberOfSubpartitions() {
    return subpartitions.length;
  }

  public ResultSubpartition getSubpartition(int index) {
    return subpartitions[index];
  }

  public LocalBufferPool getBufferPool() {
    return bufferPool;
  }

  public void release() {
    for (ResultSubpartition s : subpartitions) {
      s.release();
    }
    bufferPool.destroy();
  }
}
