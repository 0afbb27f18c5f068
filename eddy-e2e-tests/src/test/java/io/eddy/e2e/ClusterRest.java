package io.eddy.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eddy.rest.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Reads the JobManager's REST API with short timeouts (a test polls; one hung request must not hang
 * it), into the API's own message records. Every failure is an {@link UncheckedIOException}, which
 * polling loops ignore while the JobManager starts.
 */
final class ClusterRest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final String address;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param address host:port of the REST API
   */
  ClusterRest(String address) {
    this.address = address;
  }

  String address() {
    return address;
  }

  Messages.ClusterOverview overview() {
    return get("/v1/overview", Messages.ClusterOverview.class);
  }

  List<Messages.TaskManager> taskManagers() {
    return get("/v1/taskmanagers", Messages.TaskManagers.class).taskManagers();
  }

  Messages.JobDetail job(String jobId) {
    return get("/v1/jobs/" + jobId, Messages.JobDetail.class);
  }

  Messages.Checkpoints checkpoints(String jobId) {
    return get("/v1/jobs/" + jobId + "/checkpoints", Messages.Checkpoints.class);
  }

  private <T> T get(String path, Class<T> type) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + address + path))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted: GET " + path));
    }
    if (response.statusCode() != 200) {
      throw new UncheckedIOException(
          new IOException(
              "GET " + path + " answered HTTP " + response.statusCode() + ": " + response.body()));
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " sent " + response.body(), e);
    }
  }
}
