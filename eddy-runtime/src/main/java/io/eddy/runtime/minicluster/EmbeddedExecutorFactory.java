package io.eddy.runtime.minicluster;

import io.eddy.core.execution.PipelineExecutor;
import io.eddy.core.execution.PipelineExecutorFactory;

/**
 * The default executor: a fresh embedded cluster per job. Its shape can be set with system
 * properties: {@code eddy.embedded.taskmanagers} (default 1; slots are split evenly over them) and
 * {@code eddy.embedded.network-buffers} (per TaskManager, default 2048 × 32 KiB).
 */
public final class EmbeddedExecutorFactory implements PipelineExecutorFactory {
  @Override
  public PipelineExecutor createEmbedded() {
    int taskManagers = Integer.getInteger("eddy.embedded.taskmanagers", 1);
    int buffers = Integer.getInteger("eddy.embedded.network-buffers", 2048);
    if (taskManagers < 1 || buffers < 1) {
      throw new IllegalArgumentException(
          "eddy.embedded.taskmanagers and eddy.embedded.network-buffers must be at least 1.");
    }
    return MiniClusterExecutor.perJob(
        slots -> {
          int each = (slots + taskManagers - 1) / taskManagers;
          return new MiniClusterConfig(
              taskManagers, each, buffers, MiniClusterConfig.DEFAULT_BUFFER_SIZE, 4);
        });
  }
}
