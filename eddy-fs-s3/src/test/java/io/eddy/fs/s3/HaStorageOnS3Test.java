package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
import io.eddy.core.execution.ExecutionConfig;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.ha.HaStorage;
import io.eddy.runtime.ha.JobGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HA storage directory on S3: a stored job's graph and jars come back whole, and go. */
class HaStorageOnS3Test {
  private static S3TestServer server;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start("ha-store");
    server.configureFileSystems();
  }

  @AfterAll
  static void stopServer() throws Exception {
    FileSystems.configure(Map.of());
    server.close();
  }

  @Test
  void aJobStoredOnS3ReadsBackWithItsJarsAndIsDeleted() throws Exception {
    HaStorage storage = new HaStorage("s3://ha-store/" + UUID.randomUUID(), "cluster-a");
    Path jar = Files.write(dir.resolve("job.jar"), new byte[] {'P', 'K', 3, 4});
    JobGraph graph =
        new JobGraph(
            "job-1",
            "stored job",
            List.of(new JobVertex(0, "v", List.of("v"), 2, 128, "default", true, new byte[0])),
            List.of(),
            new ExecutionConfig(2, 128, 100));

    String location = storage.storeJob(graph, List.of(jar));
    assertThat(location).startsWith(storage.location() + "/jobs/job-1-");
    JobGraphStore.StoredJob stored = storage.readJob(location, getClass().getClassLoader());
    assertThat(stored.jobGraph().jobId()).isEqualTo("job-1");
    assertThat(stored.jobGraph().jobName()).isEqualTo("stored job");
    assertThat(stored.jars()).hasSize(1);
    assertThat(Files.readAllBytes(stored.jars().get(0))).containsExactly('P', 'K', 3, 4);

    storage.deleteJob(location);
    assertThat(FileSystems.get(location).exists(location)).isFalse();
  }
}
