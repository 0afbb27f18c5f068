package io.eddy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.eddy.rest.messages.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Java client of the REST API. Every failure is a {@link RestClientException} whose message is
 * one line for the user: the server's error, or why the JobManager could not be reached.
 */
public final class RestClient {
  private final Supplier<String> addresses;
  private volatile String address;
  private final HttpClient http;

  /**
   * @param address {@code HOST:PORT} of the JobManager's REST API
   */
  public RestClient(String address) {
    this(() -> address);
  }

  /**
   * A client that asks {@code leaderAddress} for the REST address ({@code HOST:PORT}) before each
   * request, so that it follows the leader when it changes (with high availability). A standby's
   * redirect to the leader is followed too.
   */
  public RestClient(Supplier<String> leaderAddress) {
    this.addresses = leaderAddress;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Parses {@code HOST[:PORT]} (port 8081 if absent) into {@code HOST:PORT}. */
  public static String normalizeAddress(String hostPort) {
    String s = hostPort.strip();
    if (s.startsWith("http://")) {
      s = s.substring("http://".length());
    }
    if (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return s + ":" + RestServerConfig.DEFAULT_PORT;
    }
    String port = s.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535 || colon == 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The JobManager address must be HOST:PORT, but was '" + hostPort + "'.");
    }
    return s;
  }

  public String address() {
    return address != null ? address : addresses.get();
  }

  public Messages.ClusterOverview overview() {
    return get("/v1/overview", Messages.ClusterOverview.class);
  }

  public Messages.TaskManagers taskManagers() {
    return get("/v1/taskmanagers", Messages.TaskManagers.class);
  }

  public Messages.Jobs jobs() {
    return get("/v1/jobs", Messages.Jobs.class);
  }

  public Messages.JobDetail job(String jobId) {
    return get("/v1/jobs/" + encode(jobId), Messages.JobDetail.class);
  }

  public Messages.Checkpoints checkpoints(String jobId) {
    return get("/v1/jobs/" + encode(jobId) + "/checkpoints", Messages.Checkpoints.class);
  }

  public Messages.CancelResponse cancel(String jobId) {
    return post("/v1/jobs/" + encode(jobId) + "/cancel", "", Messages.CancelResponse.class);
  }

  /** Takes a savepoint into {@code directory} (null: the cluster's default); returns its path. */
  public String savepoint(String jobId, String directory) {
    return post(
            "/v1/jobs/" + encode(jobId) + "/savepoints",
            toJson(new Messages.SavepointRequest(directory)),
            Messages.SavepointResponse.class)
        .location();
  }

  /** Stops the job with a savepoint into {@code directory}; returns its path. */
  public String stop(String jobId, String directory, boolean drain) {
    return post(
            "/v1/jobs/" + encode(jobId) + "/stop",
            toJson(new Messages.StopRequest(directory, drain)),
            Messages.SavepointResponse.class)
        .location();
  }

  /**
   * Uploads a job jar and runs its main method on the JobManager; returns the submitted job's id.
   *
   * @param entryClass main class, or null for the manifest's Main-Class
   * @param parallelism default parallelism, or 0 for the cluster's default
   * @param savepointPath savepoint to start from, or null
   */
  public String runJar(
      Path jar,
      String entryClass,
      List<String> args,
      int parallelism,
      String savepointPath,
      boolean allowNonRestoredState) {
    if (!Files.isRegularFile(jar)) {
      throw new RestClientException("Job jar not found: " + jar);
    }
    List<String> query = new ArrayList<>();
    if (entryClass != null) {
      query.add("entryClass=" + encode(entryClass));
    }
    if (parallelism > 0) {
      query.add("parallelism=" + parallelism);
    }
    if (savepointPath != null) {
      query.add("savepointPath=" + encode(savepointPath));
      query.add("allowNonRestoredState=" + allowNonRestoredState);
    }
    for (String arg : args) {
      query.add("arg=" + encode(arg));
    }
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(jar);
    } catch (IOException e) {
      throw new RestClientException("Cannot read the job jar " + jar + ": " + e.getMessage());
    }
    String path = "/v1/jars/run" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    return send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/java-archive")
                .POST(body),
            Messages.JarRunResponse.class)
        .jobId();
  }

  private <T> T get(String path, Class<T> type) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), type);
  }

  private <T> T post(String path, String json, Class<T> type) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        type);
  }

  private <T> T send(HttpRequest.Builder request, Class<T> type) {
    HttpResponse<String> response;
    String address = this.address;
    try {
      response =
          http.send(
              request.timeout(Duration.ofMinutes(15)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new RestClientException(
          "Cannot reach the JobManager at "
              + address
              + ": "
              + (e instanceof HttpConnectTimeoutException
                  ? "connection timed out"
                  : "connection refused"));
    } catch (IOException e) {
      throw new RestClientException(
          "Cannot reach the JobManager at " + address + ": " + RestServer.oneLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RestClientException("Interrupted while talking to the JobManager at " + address);
    }
    String body = response.body();
    if (response.statusCode() / 100 != 2) {
      String message = null;
      try {
        JsonNode error = RestServer.JSON.readTree(body).get("error");
        message = error == null ? null : error.asText();
      } catch (IOException notJson) {
        // fall through to the status line
      }
      throw new RestClientException(
          message != null
              ? message
              : "The JobManager at " + address + " answered HTTP " + response.statusCode() + ".");
    }
    try {
      return RestServer.JSON.readValue(body, type);
    } catch (IOException e) {
      throw new RestClientException(
          "The JobManager at " + address + " sent an answer this client cannot read.");
    }
  }

  private URI uri(String path) {
    address = addresses.get();
    return URI.create("http://" + address + path);
  }

  private static String toJson(Object value) {
    try {
      return RestServer.JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
