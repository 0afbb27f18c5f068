package io.eddy.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.runtime.gateway.TaskManagerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobManager and three TaskManagers talking over loopback TCP (gRPC control plane, Netty data
 * plane), in this JVM: a TaskManager that runs tasks goes away mid-run, the JobManager declares it
 * lost, and the job restarts from its latest checkpoint on the two survivors with exactly-once
 * output. (The same with separate processes killed by SIGKILL is in eddy-e2e-tests.)
 */
class FailoverITCase {
  private static final long RECORDS = 30_000;
  private static final int KEYS = 12;

  @TempDir Path work;

  @Test
  void aLostTaskManagersWorkMovesToTheSurvivorsExactlyOnce() throws Exception {
    Path output = work.resolve("out");
    try (JobManagerRunner jm = JobManagerRunner.start(JobManagerRunnerConfig.forTests())) {
      List<TaskManagerRunner> tms = new ArrayList<>(KeyedCounts.startTaskManagers(jm, 3, 2, work));
      try {

        JobClient job =
            KeyedCounts.submit(
                jm, "failover", work.resolve("checkpoints"), output, RECORDS, KEYS, 5_000);
        String jobId = job.getJobId();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> jm.dispatcher().requestCheckpointStats(jobId).get().completed() >= 2);

        TaskManagerRunner victim = null;
        for (TaskManagerRunner tm : tms) {
          if (tm.taskExecutor().runningTasks().get() > 0) {
            victim = tm;
            break;
          }
        }
        assertThat(victim).as("a TaskManager that runs tasks").isNotNull();
        victim.close();
        tms.remove(victim);

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> jm.resourceManager().getNumberOfTaskManagers() == 2);
        job.getJobExecutionResult().get(); // throws if the job failed

        assertThat(jm.dispatcher().requestNumberOfRestarts(jobId).get()).isGreaterThanOrEqualTo(1);
        String victimLocation = victim.dataLocation();
        assertThat(jm.dispatcher().requestTaskManagers().get())
            .extracting(TaskManagerInfo::location)
            .doesNotContain(victimLocation);
        KeyedCounts.assertExactlyOnce(output, RECORDS, KEYS);
      } finally {
        tms.forEach(TaskManagerRunner::close);
      }
    }
  }
}
