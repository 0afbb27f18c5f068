package io.eddy.runtime.ha;

import java.time.Duration;

/**
 * The {@code high-availability.*} settings.
 *
 * @param type {@code none} or the type name of a {@link HighAvailabilityServicesFactory}, e.g.
 *     {@code zookeeper}
 * @param quorum the coordination service's host:port list (ZooKeeper's connect string)
 * @param clusterId separates the clusters sharing one coordination service and storage directory
 * @param storageDir where bulky data (job graphs, jars) is kept; every JobManager must reach it
 * @param sessionTimeout the coordination session's timeout: how long a dead leader keeps leading
 * @param connectionTimeout how long connecting to the coordination service may take
 */
public record HighAvailabilityConfig(
    String type,
    String quorum,
    String clusterId,
    String storageDir,
    Duration sessionTimeout,
    Duration connectionTimeout) {
  public static final String NONE = "none";
  public static final String DEFAULT_CLUSTER_ID = "default";
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(4);
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /** No high availability: today's single JobManager. */
  public static HighAvailabilityConfig none() {
    return new HighAvailabilityConfig(
        NONE, null, DEFAULT_CLUSTER_ID, null, DEFAULT_SESSION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT);
  }

  public boolean enabled() {
    return !NONE.equals(type);
  }
}
