package io.eddy.dist;

import io.eddy.rest.RestClient;
import picocli.CommandLine.Option;

/** {@code -m HOST:PORT}: the JobManager's REST address, shared by the client commands. */
final class ClientOptions {
  static final String DEFAULT_ADDRESS = "localhost:8081";

  @Option(
      names = {"-m", "--jobmanager"},
      paramLabel = "HOST:PORT",
      description = "REST address of the JobManager (default: " + DEFAULT_ADDRESS + ").")
  String address = DEFAULT_ADDRESS;

  RestClient client() {
    return new RestClient(RestClient.normalizeAddress(address));
  }
}
