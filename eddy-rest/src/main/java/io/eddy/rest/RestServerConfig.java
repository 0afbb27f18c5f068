package io.eddy.rest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the REST server runs.
 *
 * @param bindAddress address to listen on ({@code 127.0.0.1} keeps it to this machine: whoever
 *     reaches the API can run code on the JobManager by uploading a jar)
 * @param port port, or 0 for a free one
 * @param blobDirectory where uploaded job jars are stored
 * @param defaultSavepointDirectory savepoint directory when a request names none, or null
 * @param defaultCheckpointDirectory checkpoint root of jobs that name none, or null
 * @param jarRunTimeout how long a job jar's main may take to submit its first job
 */
public record RestServerConfig(
    String bindAddress,
    int port,
    Path blobDirectory,
    String defaultSavepointDirectory,
    String defaultCheckpointDirectory,
    Duration jarRunTimeout) {

  public static final int DEFAULT_PORT = 8081;

  /** Loopback, a free port, a blob directory under {@code blobDirectory}, no defaults. */
  public static RestServerConfig forTests(Path blobDirectory) {
    return new RestServerConfig("127.0.0.1", 0, blobDirectory, null, null, Duration.ofMinutes(2));
  }
}
