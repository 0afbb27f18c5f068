package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.BackpressureJob;
import io.eddy.rest.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backpressure across processes: an unthrottled source on one TaskManager feeds a sink on another
 * that takes 1 ms per record. Credit-based flow control must hold the source back, so the source's
 * lead over the sink stays bounded by the buffers in flight, and TaskManagers with a small heap
 * (128 MB) survive.
 */
class BackpressureE2EIT {
  /**
   * How far the source may run ahead of the sink, in records. In flight are at most the sender's
   * buffers for the one channel (4 + 1) and the receiver's (4), 32 KiB each, of ~10-byte records:
   * some 30,000 records, plus what the 100 ms count reports lag behind. A source without
   * backpressure would be millions ahead within the 10 s.
   */
  private static final long MAX_LEAD = 100_000;

  private static final Duration OBSERVATION = Duration.ofSeconds(10);
  private static final String SMALL_HEAP = "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  private record Sample(long atMillis, long emitted, long consumed) {
    long lead() {
      return emitted - consumed;
    }
  }

  @Test
  @Timeout(240)
  void aSlowSinkOnAnotherTaskManagerHoldsTheSourceBack() throws Exception {
    cluster.startJobManager();
    // One slot each: the sink's own slot sharing group needs the second TaskManager.
    List<TaskManager> tms = cluster.startTaskManagers(2, 1, SMALL_HEAP);
    Path counts = Files.createDirectories(cluster.workDir().resolve("counts"));
    String jobId =
        cluster.submit(
            JobJars.jarOf(cluster.workDir(), BackpressureJob.class), 1, counts.toString());

    Messages.JobDetail job =
        cluster.awaitJob(
            jobId, "every subtask RUNNING", Duration.ofSeconds(60), EddyCluster::allRunning);
    assertThat(job.vertices()).as("source and sink vertices").hasSize(2);
    List<String> vertexLocations =
        job.vertices().stream().map(v -> v.subtasks().get(0).location()).toList();
    System.out.printf("[e2e] vertices %s at %s%n", names(job), vertexLocations);
    assertThat(Set.copyOf(vertexLocations))
        .as("source and sink on different TaskManagers")
        .hasSize(2)
        .isEqualTo(tms.stream().map(TaskManager::location).collect(Collectors.toSet()));

    // Backpressure has set in once the source is far past what the sink consumed.
    await("both counts reported and the sink consuming")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              cluster.assertAllAlive();
              Sample s = sample(counts, 0);
              return s != null && s.consumed() > 500;
            });

    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    await("an observation of " + OBSERVATION.toSeconds() + " s")
        .atMost(OBSERVATION.plusSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              cluster.assertAllAlive();
              long at = (System.nanoTime() - start) / 1_000_000;
              Sample s = sample(counts, at);
              samples.add(s);
              assertThat(s.lead())
                  .as("the source's lead over the sink at %d ms: %s", at, s)
                  .isLessThanOrEqualTo(MAX_LEAD);
              return at >= OBSERVATION.toMillis();
            });

    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    double seconds = (last.atMillis() - first.atMillis()) / 1000.0;
    long maxLead = samples.stream().mapToLong(Sample::lead).max().orElseThrow();
    System.out.printf(
        "[e2e] over %.1f s: source %.0f records/s, sink %.0f records/s; source ahead by %d records"
            + " at the end, at most %d (bound %d)%n",
        seconds,
        (last.emitted() - first.emitted()) / seconds,
        (last.consumed() - first.consumed()) / seconds,
        last.lead(),
        maxLead,
        MAX_LEAD);
    assertThat(last.consumed() - first.consumed()).as("records the sink consumed").isPositive();
    assertThat(last.emitted() - first.emitted()).as("records the source emitted").isPositive();

    Messages.JobDetail still = cluster.rest().job(jobId);
    assertThat(still.status()).isEqualTo("RUNNING");
    assertThat(still.restarts()).as("restarts").isZero();
    assertThat(cluster.rest().taskManagers()).hasSize(2);
    tms.forEach(tm -> assertThat(tm.process().isAlive()).as("%s alive", tm).isTrue());

    EddyScript.Result cancel =
        EddyScript.run(
            cluster.workDir(), "cancel", jobId, "-m", cluster.jobManager().restAddress());
    assertThat(cancel.exitCode()).as("bin/eddy cancel: %s", cancel).isZero();
    cluster.awaitJob(
        jobId,
        "the job to be cancelled",
        Duration.ofSeconds(60),
        j -> "CANCELED".equals(j.status()));
  }

  /** Reads both counts (null while either file is missing). */
  private static Sample sample(Path counts, long atMillis) throws IOException {
    try {
      long emitted = Long.parseLong(Files.readString(counts.resolve("emitted")).strip());
      long consumed = Long.parseLong(Files.readString(counts.resolve("consumed")).strip());
      return new Sample(atMillis, emitted, consumed);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static List<String> names(Messages.JobDetail job) {
    return job.vertices().stream().map(Messages.Vertex::name).toList();
  }
}
