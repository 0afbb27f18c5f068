package io.eddy.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.api.JobClient;
import io.eddy.api.JobStatus;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.client.DispatcherExecutor;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.gateway.TaskManagerInfo;
import io.eddy.runtime.gateway.UnknownJobException;
import io.eddy.runtime.minicluster.MiniCluster;
import io.eddy.runtime.minicluster.MiniClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-only queries the REST API is built on: TaskManagers, job list and job details. */
class ClusterQueriesITCase {

  @Test
  void taskManagersJobListAndDetailsFollowARunningJob() throws Exception {
    try (MiniCluster cluster =
        new MiniCluster(MiniClusterConfig.withSlots(2).withTaskManagers(2, 2))) {
      DispatcherGateway dispatcher = cluster.getDispatcher();
      assertThat(dispatcher.requestTaskManagers().get())
          .containsExactly(
              new TaskManagerInfo("embedded-tm-1", 2, 2),
              new TaskManagerInfo("embedded-tm-2", 2, 2));

      List<String> submitted = new ArrayList<>();
      PipelineExecutors.setThreadContext(
          new DispatcherExecutor(
              dispatcher,
              cluster.getLibraryCache(),
              SavepointRestoreSettings.NONE,
              null,
              submitted::add),
          2);
      JobClient job;
      try {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env.getParallelism()).isEqualTo(2);
        env.fromGenerator(i -> i, Long.MAX_VALUE, 1000).disableChaining().sinkToDiscarding();
        job = env.executeAsync("endless");
      } finally {
        PipelineExecutors.clearThreadContext();
      }
      assertThat(submitted).containsExactly(job.getJobId());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  dispatcher.requestJobDetails(job.getJobId()).get().vertices().stream()
                      .flatMap(v -> v.subtasks().stream())
                      .allMatch(s -> s.state().equals("RUNNING")));
      JobDetails details = dispatcher.requestJobDetails(job.getJobId()).get();
      assertThat(details.overview().name()).isEqualTo("endless");
      assertThat(details.overview().status()).isEqualTo(JobStatus.RUNNING);
      assertThat(details.overview().endTime()).isEqualTo(-1);
      assertThat(details.restarts()).isZero();
      assertThat(details.vertices()).hasSize(2);
      assertThat(details.vertices().get(0).parallelism()).isEqualTo(2);
      // Even spread: each TaskManager holds one slot, with one subtask of each vertex.
      assertThat(details.vertices().get(0).subtasks())
          .extracting(JobDetails.Subtask::location)
          .containsExactlyInAnyOrder("embedded-tm-1", "embedded-tm-2");
      assertThat(dispatcher.requestTaskManagers().get())
          .extracting(TaskManagerInfo::freeSlots)
          .containsExactly(1, 1);
      assertThat(dispatcher.requestJobOverviews().get())
          .extracting(JobOverview::jobId, JobOverview::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(job.getJobId(), JobStatus.RUNNING));

      dispatcher.cancelJob(job.getJobId()).get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> dispatcher.requestJobOverviews().get().get(0).status() == JobStatus.CANCELED);
      JobOverview ended = dispatcher.requestJobOverviews().get().get(0);
      assertThat(ended.endTime()).isGreaterThanOrEqualTo(ended.startTime());
      assertThat(ended.durationMillis(Long.MAX_VALUE))
          .isEqualTo(ended.endTime() - ended.startTime());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  dispatcher.requestTaskManagers().get().stream()
                      .allMatch(tm -> tm.freeSlots() == 2));
    }
  }

  @Test
  void anUnknownJobIdIsAnUnknownJobException() {
    try (MiniCluster cluster = new MiniCluster(MiniClusterConfig.withSlots(1))) {
      assertThatThrownBy(() -> cluster.getDispatcher().requestJobDetails("nope"))
          .isInstanceOf(UnknownJobException.class)
          .hasMessage("No job with id nope is known to this cluster.");
    }
  }
}
