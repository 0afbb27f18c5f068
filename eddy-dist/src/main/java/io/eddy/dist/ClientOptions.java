package io.eddy.dist;

import io.eddy.rest.RestClient;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.LeaderRetrieval;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code -m HOST:PORT}: the JobManager's REST address, shared by the client commands. Without
 * {@code -m}, a configuration with high-availability keys ({@code --config}, {@code -D}) finds the
 * leader's REST address in ZooKeeper, before every request (so the client follows a new leader);
 * else {@value #DEFAULT_ADDRESS}.
 */
final class ClientOptions {
  static final String DEFAULT_ADDRESS = "localhost:8081";

  @Option(
      names = {"-m", "--jobmanager"},
      paramLabel = "HOST:PORT",
      description =
          "REST address of the JobManager (default: the leader, with high-availability keys;"
              + " else "
              + DEFAULT_ADDRESS
              + ").")
  String address;

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  RestClient client() {
    if (address != null) {
      return new RestClient(RestClient.normalizeAddress(address));
    }
    RestClient leader = leaderClient(configOptions.load());
    return leader != null ? leader : new RestClient(RestClient.normalizeAddress(DEFAULT_ADDRESS));
  }

  /** A client of the leader the HA keys of {@code config} find, or null without HA keys. */
  static RestClient leaderClient(EddyConfig config) {
    HighAvailabilityServices ha = ClusterConfigs.haServices(config);
    if (!ha.isHighlyAvailable()) {
      return null;
    }
    LeaderRetrieval retrieval = ha.leaderRetrieval();
    var timeout =
        ClusterConfigs.highAvailability(config)
            .sessionTimeout()
            .multipliedBy(3)
            .plus(ClusterConfigs.highAvailability(config).connectionTimeout());
    // The process ends after the command; its ZooKeeper session ends with it.
    return new RestClient(() -> retrieval.awaitLeader(timeout).restAddress());
  }
}
