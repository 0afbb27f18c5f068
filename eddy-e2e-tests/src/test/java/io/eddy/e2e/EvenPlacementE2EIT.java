package io.eddy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.e2e.EddyCluster.TaskManager;
import io.eddy.e2e.jobs.EndlessKeyedJob;
import io.eddy.rest.messages.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tasks are spread evenly over TaskManagers: with three TaskManagers of 4 slots, a job at
 * parallelism 6 puts exactly 2 subtasks of each vertex on each TaskManager, not 4 + 2 + 0.
 */
class EvenPlacementE2EIT {
  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @Test
  @Timeout(180)
  void eachTaskManagerHoldsTwoSubtasksOfEachVertex() throws Exception {
    cluster.startJobManager();
    List<TaskManager> tms = cluster.startTaskManagers(3, 4, EddyScript.SERVER_JAVA_OPTS);
    String jobId = cluster.submit(JobJars.jarOf(cluster.workDir(), EndlessKeyedJob.class), 6);

    Messages.JobDetail job =
        cluster.awaitJob(
            jobId, "every subtask RUNNING", Duration.ofSeconds(60), EddyCluster::allRunning);
    assertThat(job.vertices()).as("vertices").hasSizeGreaterThanOrEqualTo(2);
    Map<String, Long> expected =
        tms.stream()
            .collect(Collectors.toMap(TaskManager::location, tm -> 2L, (a, b) -> a, TreeMap::new));
    for (Messages.Vertex vertex : job.vertices()) {
      Map<String, Long> perTaskManager =
          vertex.subtasks().stream()
              .collect(
                  Collectors.groupingBy(
                      Messages.Subtask::location, TreeMap::new, Collectors.counting()));
      System.out.printf(
          "[e2e] vertex '%s' (p=%d): subtasks per TaskManager %s%n",
          vertex.name(), vertex.parallelism(), perTaskManager);
      assertThat(vertex.parallelism()).isEqualTo(6);
      assertThat(perTaskManager)
          .as("subtasks of '%s' per TaskManager", vertex.name())
          .isEqualTo(expected);
    }
    Map<String, Integer> freeSlots =
        cluster.rest().taskManagers().stream()
            .collect(
                Collectors.toMap(
                    Messages.TaskManager::location,
                    Messages.TaskManager::freeSlots,
                    (a, b) -> a,
                    TreeMap::new));
    System.out.printf("[e2e] free slots per TaskManager %s%n", freeSlots);
  }
}
