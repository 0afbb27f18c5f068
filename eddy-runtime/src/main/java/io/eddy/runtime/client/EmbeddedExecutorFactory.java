package io.eddy.runtime.client;

import io.eddy.core.execution.PipelineExecutor;
import io.eddy.core.execution.PipelineExecutorFactory;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.util.Locale;

/**
 * The default executor: a fresh embedded cluster per job. Its shape can be set with system
 * properties: {@code eddy.embedded.taskmanagers} (default 1; slots are split evenly over them) and
 * {@code eddy.embedded.network-buffers} (per TaskManager, default 2048 × 32 KiB) and {@code
 * eddy.embedded.network-transport} ({@code local}, the default, or {@code netty}: TaskManagers
 * exchange data over loopback TCP).
 */
public final class EmbeddedExecutorFactory implements PipelineExecutorFactory {
  @Override
  public PipelineExecutor createEmbedded() {
    int taskManagers = Integer.getInteger("eddy.embedded.taskmanagers", 1);
    int buffers = Integer.getInteger("eddy.embedded.network-buffers", 2048);
    MiniClusterConfig.NetworkTransport transport =
        MiniClusterConfig.NetworkTransport.valueOf(
            System.getProperty("eddy.embedded.network-transport", "local")
                .toUpperCase(Locale.ROOT));
    if (taskManagers < 1 || buffers < 1) {
      throw new IllegalArgumentException(
          "eddy.embedded.taskmanagers and eddy.embedded.network-buffers must be at least 1.");
    }
    return MiniClusterExecutor.perJob(
        slots -> {
          int each = (slots + taskManagers - 1) / taskManagers;
          return new MiniClusterConfig(
                  taskManagers, each, buffers, MiniClusterConfig.DEFAULT_BUFFER_SIZE, 4)
              .withNetworkTransport(transport);
        });
  }
}
