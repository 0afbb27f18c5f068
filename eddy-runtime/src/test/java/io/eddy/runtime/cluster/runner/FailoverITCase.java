package io.eddy.runtime.cluster.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.eventtime.WatermarkStrategy;
import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.serialization.SimpleStringEncoder;
import io.eddy.api.connector.file.sink.FileSink;
import io.eddy.api.connector.source.lib.DataGeneratorSource;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.cluster.DispatcherExecutor;
import io.eddy.runtime.cluster.TaskManagerInfo;
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
      List<TaskManagerRunner> tms = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          tms.add(
              TaskManagerRunner.start(
                  TaskManagerRunnerConfig.forTests(jm.rpcAddress(), 2, work.resolve("tm" + i))));
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> jm.resourceManager().getNumberOfTaskManagers() == 3);

        JobClient job = submit(jm, output);
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

  private JobClient submit(JobManagerRunner jm, Path output) throws Exception {
    PipelineExecutors.setThreadContext(
        new DispatcherExecutor(
            jm.dispatcher(),
            jm.libraryCache(),
            SavepointRestoreSettings.NONE,
            work.resolve("checkpoints").toString(),
            id -> {}),
        4);
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.enableCheckpointing(100);
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(200)));
      env.fromSource(
              new DataGeneratorSource<>(i -> i, RECORDS, 5_000),
              WatermarkStrategy.noWatermarks(),
              "numbers")
          .keyBy(v -> v % KEYS)
          .process(new KeyedCounts.CountPerKey())
          .sinkTo(FileSink.forRowFormat(output, new SimpleStringEncoder<String>()).build());
      return env.executeAsync("failover");
    } finally {
      PipelineExecutors.clearThreadContext();
    }
  }
}
