package io.eddy.testutils;

import io.eddy.core.execution.PipelineExecutors;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.runtime.minicluster.MiniClusterExecutor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one embedded cluster for a test class and makes {@code
 * StreamExecutionEnvironment.getExecutionEnvironment()} submit to it. Register it as a static
 * field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4); // 2 TMs x 4 slots
 * }</pre>
 *
 * The cluster runs the same scheduler, tasks and serialized exchange as a distributed one.
 */
public final class MiniClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final MiniClusterConfig config;
  private MiniCluster cluster;

  /** {@code taskManagers} TaskManagers with {@code slotsEach} slots. */
  public MiniClusterExtension(int taskManagers, int slotsEach) {
    this(MiniClusterConfig.withSlots(slotsEach).withTaskManagers(taskManagers, slotsEach));
  }

  public MiniClusterExtension(MiniClusterConfig config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = new MiniCluster(config);
    PipelineExecutors.setContextExecutor(MiniClusterExecutor.onCluster(cluster));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    PipelineExecutors.setContextExecutor(null);
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  public MiniCluster getMiniCluster() {
    if (cluster == null) {
      throw new IllegalStateException("The cluster runs only while the test class runs.");
    }
    return cluster;
  }
}
