package io.eddy.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby JobManager's REST API: its overview names the leader, every other request is redirected
 * there (307), and the Java client follows; without a known leader it answers 503.
 */
class StandbyRestServerITCase {
  @TempDir static Path dir;
  private static MiniCluster cluster;
  private static RestServer leader;
  private static RestServer standby;
  private static String leaderAddress;
  private static String standbyAddress;
  private static final AtomicReference<String> known = new AtomicReference<>();

  @BeforeAll
  static void start() {
    cluster = new MiniCluster(MiniClusterConfig.withSlots(1).withTaskManagers(1, 1));
    leader =
        new RestServer(
            cluster.getDispatcher(),
            cluster.getLibraryCache(),
            RestServerConfig.forTests(dir.resolve("leader")));
    leaderAddress = "127.0.0.1:" + leader.start();
    standby =
        new RestServer(
            cluster.getDispatcher(),
            cluster.getLibraryCache(),
            RestServerConfig.forTests(dir.resolve("standby")));
    standby.followLeader(() -> false, known::get);
    standbyAddress = "127.0.0.1:" + standby.start();
  }

  @AfterAll
  static void stop() {
    standby.close();
    leader.close();
    cluster.close();
  }

  @Test
  void theStandbyNamesTheLeaderAndRedirectsTheRest() throws Exception {
    known.set(leaderAddress);
    RestClient client = new RestClient(standbyAddress);
    assertThat(client.overview().leader()).isEqualTo(leaderAddress);

    HttpResponse<String> jobs =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + standbyAddress + "/v1/jobs?x=1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(jobs.statusCode()).isEqualTo(307);
    assertThat(jobs.headers().firstValue("Location"))
        .hasValue("http://" + leaderAddress + "/v1/jobs?x=1");

    // The client follows, a POST as a POST: the leader answers for an unknown job.
    assertThat(client.jobs().jobs()).isEmpty();
    assertThatThrownBy(() -> client.cancel("no-such-job"))
        .isInstanceOf(RestClientException.class)
        .hasMessageContaining("no-such-job");
  }

  @Test
  void withoutALeaderTheStandbyAnswers503() {
    known.set(null);
    RestClient client = new RestClient(standbyAddress);
    assertThat(client.overview().leader()).isNull();
    assertThatThrownBy(client::jobs)
        .isInstanceOf(RestClientException.class)
        .hasMessageContaining("standby");
  }
}
