package io.eddy.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eddy.rest.testjobs.BrokenJob;
import io.eddy.rest.testjobs.EndlessJob;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP on loopback, against an embedded cluster. */
class RestServerITCase {
  @TempDir static Path dir;
  private static MiniCluster cluster;
  private static RestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static String base;
  private static Path endlessJar;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MiniCluster(MiniClusterConfig.withSlots(4).withTaskManagers(2, 4));
    server =
        new RestServer(
            cluster.getDispatcher(),
            cluster.getLibraryCache(),
            new RestServerConfig(
                "127.0.0.1",
                0,
                dir.resolve("blobs"),
                null,
                dir.resolve("checkpoints").toString(),
                Duration.ofMinutes(1)));
    base = "http://127.0.0.1:" + server.start();
    Path jars = Files.createDirectories(dir.resolve("jars"));
    endlessJar = TestJars.jarOf(jars, EndlessJob.class);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private record Reply(int status, JsonNode json) {}

  private static Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return new Reply(r.statusCode(), RestServer.JSON.readTree(r.body()));
  }

  private static Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)));
  }

  private static Reply post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String runJar(Path jar, String query) throws Exception {
    Reply r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jars/run" + query))
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    return r.json().get("jobId").asText();
  }

  private static String status(String jobId) throws Exception {
    return get("/v1/jobs/" + jobId).json().get("status").asText();
  }

  private static void awaitStatus(String jobId, String status) {
    await().atMost(Duration.ofSeconds(60)).until(() -> status(jobId).equals(status));
  }

  @Test
  void overviewAndTaskManagers() throws Exception {
    Reply overview = get("/v1/overview");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.json().get("taskManagers").asInt()).isEqualTo(2);
    assertThat(overview.json().get("slotsTotal").asInt()).isEqualTo(8);
    assertThat(overview.json().get("version").asText()).isEqualTo(RestServer.VERSION);
    assertThat(overview.json().has("jobsRunning")).isTrue();

    Reply tms = get("/v1/taskmanagers");
    assertThat(tms.json().get("taskManagers")).hasSize(2);
    JsonNode first = tms.json().get("taskManagers").get(0);
    assertThat(first.get("id").asText()).isEqualTo("embedded-tm-1");
    assertThat(first.get("slots").asInt()).isEqualTo(4);
    assertThat(first.has("freeSlots")).isTrue();
  }

  @Test
  void aJarRunsListsShowsDetailsCheckpointsSavepointsAndStops() throws Exception {
    String name = URLEncoder.encode("rest job", StandardCharsets.UTF_8);
    String jobId = runJar(endlessJar, "?parallelism=2&arg=" + name);
    awaitStatus(jobId, "RUNNING");

    Reply jobs = get("/v1/jobs");
    JsonNode listed = null;
    for (JsonNode j : jobs.json().get("jobs")) {
      if (j.get("id").asText().equals(jobId)) {
        listed = j;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("name").asText()).isEqualTo("rest job");
    assertThat(listed.get("startTime").asLong()).isPositive();
    assertThat(listed.get("duration").asLong()).isNotNegative();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (JsonNode v : get("/v1/jobs/" + jobId).json().get("vertices")) {
                for (JsonNode s : v.get("subtasks")) {
                  if (!s.get("state").asText().equals("RUNNING")) {
                    return false;
                  }
                }
              }
              return true;
            });
    JsonNode detail = get("/v1/jobs/" + jobId).json();
    assertThat(detail.get("restarts").asInt()).isZero();
    assertThat(detail.get("vertices")).hasSize(2);
    JsonNode source = detail.get("vertices").get(0);
    assertThat(source.get("parallelism").asInt()).isEqualTo(2);
    assertThat(source.get("subtasks")).hasSize(2);
    assertThat(source.get("subtasks").get(0).get("location").asText()).startsWith("embedded-tm-");

    // Checkpoints land in the cluster's default directory, since the job names none.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> get("/v1/jobs/" + jobId + "/checkpoints").json().get("completed").asLong() > 0);
    JsonNode checkpoints = get("/v1/jobs/" + jobId + "/checkpoints").json();
    assertThat(checkpoints.get("history").get(0).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(checkpoints.get("history").get(0).get("type").asText()).isEqualTo("CHECKPOINT");
    assertThat(dir.resolve("checkpoints").resolve(jobId)).isDirectory();

    Path savepoints = dir.resolve("savepoints");
    Reply savepoint =
        post(
            "/v1/jobs/" + jobId + "/savepoints",
            "{\"targetDirectory\":\"" + savepoints.toString().replace("\\", "\\\\") + "\"}");
    assertThat(savepoint.status()).as(savepoint.json().toString()).isEqualTo(200);
    Path savepointPath = Path.of(savepoint.json().get("location").asText());
    assertThat(savepointPath.resolve("_metadata")).exists();

    Reply stop =
        post(
            "/v1/jobs/" + jobId + "/stop",
            "{\"targetDirectory\":\"" + savepoints + "\",\"drain\":false}");
    assertThat(stop.status()).as(stop.json().toString()).isEqualTo(200);
    assertThat(Path.of(stop.json().get("location").asText()).resolve("_metadata")).exists();
    await().atMost(Duration.ofSeconds(60)).until(() -> !status(jobId).equals("RUNNING"));
    assertThat(get("/v1/jobs/" + jobId).json().get("endTime").asLong()).isPositive();

    // A new job starts from the savepoint.
    String restored =
        runJar(
            endlessJar,
            "?parallelism=1&savepointPath="
                + URLEncoder.encode(stop.json().get("location").asText(), StandardCharsets.UTF_8));
    awaitStatus(restored, "RUNNING");
    assertThat(post("/v1/jobs/" + restored + "/cancel", "").status()).isEqualTo(202);
    awaitStatus(restored, "CANCELED");
  }

  @Test
  void cancelEndsAJobAndASecondCancelIsAConflict() throws Exception {
    String jobId = runJar(endlessJar, "?entryClass=" + EndlessJob.class.getName());
    awaitStatus(jobId, "RUNNING");
    Reply cancel = post("/v1/jobs/" + jobId + "/cancel", "");
    assertThat(cancel.status()).isEqualTo(202);
    assertThat(cancel.json().get("jobId").asText()).isEqualTo(jobId);
    awaitStatus(jobId, "CANCELED");
    Reply again = post("/v1/jobs/" + jobId + "/cancel", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asText()).contains("has already ended (CANCELED)");
    assertThat(get("/v1/overview").json().get("jobsCancelled").asInt()).isPositive();
  }

  @Test
  void errorsAreOneLineJsonWithTheirStatusCodes() throws Exception {
    Reply unknown = get("/v1/jobs/no-such-job");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText())
        .isEqualTo("No job with id no-such-job is known to this cluster.");
    assertThat(post("/v1/jobs/no-such-job/cancel", "").status()).isEqualTo(404);
    assertThat(get("/v1/jobs/no-such-job/checkpoints").status()).isEqualTo(404);
    assertThat(post("/v1/jobs/no-such-job/savepoints", "{\"targetDirectory\":\"/tmp/x\"}").status())
        .isEqualTo(404);

    Reply endpoint = get("/v1/nothing-here");
    assertThat(endpoint.status()).isEqualTo(404);
    assertThat(endpoint.json().get("error").asText()).contains("/v1/nothing-here");

    Reply badJson = post("/v1/jobs/x/savepoints", "{not json");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.json().get("error").asText()).contains("not valid JSON");

    Reply badParallelism =
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jars/run?parallelism=lots"))
                .POST(HttpRequest.BodyPublishers.ofFile(endlessJar)));
    assertThat(badParallelism.status()).isEqualTo(400);
    assertThat(badParallelism.json().get("error").asText()).contains("parallelism");

    Reply badClass =
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jars/run?entryClass=no.Such"))
                .POST(HttpRequest.BodyPublishers.ofFile(endlessJar)));
    assertThat(badClass.status()).isEqualTo(400);
    assertThat(badClass.json().get("error").asText())
        .isEqualTo("Main class no.Such was not found in the job jar.");

    Reply notAJar =
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jars/run"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertThat(notAJar.status()).isEqualTo(400);

    Path brokenJar = TestJars.jarOf(Files.createTempDirectory(dir, "b"), BrokenJob.class);
    Reply broken =
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jars/run"))
                .POST(HttpRequest.BodyPublishers.ofFile(brokenJar)));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("error").asText())
        .isEqualTo("The main method of " + BrokenJob.class.getName() + " failed: no input given");

    String jobId = runJar(endlessJar, "");
    awaitStatus(jobId, "RUNNING");
    Reply noDir = post("/v1/jobs/" + jobId + "/savepoints", "{}");
    assertThat(noDir.status()).isEqualTo(400);
    assertThat(noDir.json().get("error").asText()).startsWith("No savepoint directory");
    post("/v1/jobs/" + jobId + "/cancel", "");
    awaitStatus(jobId, "CANCELED");
    Reply ended = post("/v1/jobs/" + jobId + "/savepoints", "{\"targetDirectory\":\"/tmp/x\"}");
    assertThat(ended.status()).isEqualTo(409);
  }
}
