package io.eddy.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.runtime.gateway.JobDetails;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobManager and two TaskManagers of two slots each over loopback: a keyed job at parallelism 4
 * loses one TaskManager, the survivor has only two slots, and the job restarts from its latest
 * checkpoint at parallelism 2 (its key groups spread over the fewer subtasks) instead of waiting
 * for a TaskManager; its output stays exactly-once and every key's count goes on.
 */
class RescaleOnLossITCase {
  private static final long RECORDS = 36_000;
  private static final int KEYS = 12;

  @TempDir Path work;

  @Test
  void aJobThatLostSlotsRestartsAtTheParallelismTheSurvivorsHold() throws Exception {
    Path output = work.resolve("out");
    try (JobManagerRunner jm = JobManagerRunner.start(JobManagerRunnerConfig.forTests())) {
      List<TaskManagerRunner> tms = new ArrayList<>(KeyedCounts.startTaskManagers(jm, 2, 2, work));
      try {

        JobClient job =
            KeyedCounts.submit(
                jm, "rescale-on-loss", work.resolve("checkpoints"), output, RECORDS, KEYS, 3_000);
        String jobId = job.getJobId();
        assertThat(parallelisms(jm, jobId)).containsOnly(4);
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> jm.dispatcher().requestCheckpointStats(jobId).get().completed() >= 2);

        TaskManagerRunner victim = tms.get(1);
        assertThat(victim.taskExecutor().runningTasks().get()).isGreaterThan(0);
        victim.close();
        tms.remove(victim);

        job.getJobExecutionResult().get(); // throws if the job failed
        assertThat(jm.dispatcher().requestNumberOfRestarts(jobId).get()).isGreaterThanOrEqualTo(1);
        assertThat(parallelisms(jm, jobId)).containsOnly(2);
        KeyedCounts.assertExactlyOnce(output, RECORDS, KEYS);
      } finally {
        tms.forEach(TaskManagerRunner::close);
      }
    }
  }

  private static List<Integer> parallelisms(JobManagerRunner jm, String jobId) throws Exception {
    return jm.dispatcher().requestJobDetails(jobId).get().vertices().stream()
        .map(JobDetails.Vertex::parallelism)
        .toList();
  }
}
