package io.eddy.testutils;

import io.eddy.core.execution.PipelineExecutors;
import io.eddy.runtime.client.MiniClusterExecutor;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import io.eddy.runtime.state.StateBackends;
import io.eddy.runtime.time.ManualClock;
import java.util.Map;
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
 *
 * <p>For deterministic processing time, give the cluster a manual clock; processing-time timers
 * (and periodic watermarks) then fire only when the test advances it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension CLUSTER = MiniClusterExtension.withManualClock(1, 4, 0);
 * ...
 * CLUSTER.getManualClock().advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>The TaskManagers keep keyed state where the configuration says (the heap by default); the
 * system property {@value #STATE_BACKEND_PROPERTY} names another backend for every cluster whose
 * configuration names none, so that a build can run the same tests on another backend (as {@code
 * eddy-state-rocksdb} runs the state ITCases on RocksDB).
 */
public final class MiniClusterExtension implements BeforeAllCallback, AfterAllCallback {
  /** The system property naming the state backend of clusters that configure none. */
  public static final String STATE_BACKEND_PROPERTY = "eddy.test.state-backend";

  private final MiniClusterConfig config;
  private MiniCluster cluster;

  /** {@code taskManagers} TaskManagers with {@code slotsEach} slots. */
  public MiniClusterExtension(int taskManagers, int slotsEach) {
    this(MiniClusterConfig.withSlots(slotsEach).withTaskManagers(taskManagers, slotsEach));
  }

  public MiniClusterExtension(MiniClusterConfig config) {
    this.config = withPropertyStateBackend(config);
  }

  /** {@code config} with the backend {@value #STATE_BACKEND_PROPERTY} names, if it names none. */
  private static MiniClusterConfig withPropertyStateBackend(MiniClusterConfig config) {
    String backend = System.getProperty(STATE_BACKEND_PROPERTY);
    if (backend == null || backend.isBlank() || !config.stateBackendConfig().isEmpty()) {
      return config;
    }
    return config.withStateBackend(Map.of(StateBackends.TYPE_KEY, backend.strip()));
  }

  /**
   * A cluster whose tasks all read processing time from one {@link ManualClock} starting at {@code
   * startMillis}.
   */
  public static MiniClusterExtension withManualClock(
      int taskManagers, int slotsEach, long startMillis) {
    return new MiniClusterExtension(
        MiniClusterConfig.withSlots(slotsEach)
            .withTaskManagers(taskManagers, slotsEach)
            .withClock(new ManualClock(startMillis)));
  }

  /**
   * The cluster's manual clock.
   *
   * @throws IllegalStateException if the cluster runs on the system clock
   */
  public ManualClock getManualClock() {
    if (config.clock() instanceof ManualClock manual) {
      return manual;
    }
    throw new IllegalStateException(
        "This cluster runs on the system clock; create it with withManualClock(...).");
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

  /** A test body that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} with {@code getExecutionEnvironment()} submitting to a separate cluster of
   * {@code taskManagers} TaskManagers with {@code slotsEach} slots that exchange data over loopback
   * TCP (the Netty data plane); this extension's cluster is used again afterwards.
   */
  public void onNettyCluster(int taskManagers, int slotsEach, ThrowingRunnable body)
      throws Exception {
    try (MiniCluster netty =
        new MiniCluster(
            withPropertyStateBackend(
                MiniClusterConfig.withSlots(slotsEach)
                    .withTaskManagers(taskManagers, slotsEach)
                    .withNetworkTransport(MiniClusterConfig.NetworkTransport.NETTY)))) {
      PipelineExecutors.setContextExecutor(MiniClusterExecutor.onCluster(netty));
      body.run();
    } finally {
      PipelineExecutors.setContextExecutor(
          cluster == null ? null : MiniClusterExecutor.onCluster(cluster));
    }
  }

  public MiniCluster getMiniCluster() {
    if (cluster == null) {
      throw new IllegalStateException("The cluster runs only while the test class runs.");
    }
    return cluster;
  }
}
