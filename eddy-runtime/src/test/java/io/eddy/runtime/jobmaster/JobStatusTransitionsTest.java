package io.eddy.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job status transition table: what is allowed, and that anything else fails loudly. */
class JobStatusTransitionsTest {
  private static final Map<JobStatus, Set<JobStatus>> EXPECTED =
      Map.of(
          JobStatus.CREATED,
          EnumSet.of(JobStatus.RUNNING, JobStatus.FAILING, JobStatus.CANCELLING),
          JobStatus.RUNNING,
          EnumSet.of(
              JobStatus.FINISHED, JobStatus.RESTARTING, JobStatus.FAILING, JobStatus.CANCELLING),
          JobStatus.RESTARTING,
          EnumSet.of(JobStatus.RUNNING, JobStatus.FAILING, JobStatus.CANCELLING),
          JobStatus.FAILING,
          EnumSet.of(JobStatus.FAILED),
          JobStatus.CANCELLING,
          EnumSet.of(JobStatus.CANCELED),
          JobStatus.FINISHED,
          EnumSet.noneOf(JobStatus.class),
          JobStatus.FAILED,
          EnumSet.noneOf(JobStatus.class),
          JobStatus.CANCELED,
          EnumSet.noneOf(JobStatus.class));

  @Test
  void theTableIsTheDocumentedOne() {
    for (JobStatus from : JobStatus.values()) {
      assertThat(JobStatusTransitions.allowedFrom(from))
          .as("from " + from)
          .isEqualTo(EXPECTED.get(from));
    }
  }

  @Test
  void finalStatusesAllowNothing() {
    for (JobStatus from : JobStatus.values()) {
      assertThat(JobStatusTransitions.allowedFrom(from).isEmpty())
          .as(from.toString())
          .isEqualTo(from.isTerminal());
    }
  }

  @Test
  void everyAllowedTransitionIsAccepted() {
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : EXPECTED.get(from)) {
        JobStatusTransitions status = reach(from);
        assertThat(status.canTransitionTo(to)).isTrue();
        status.transitionTo(to);
        assertThat(status.current()).isEqualTo(to);
      }
    }
  }

  @Test
  void everyOtherTransitionFailsNamingBothStatuses() {
    for (JobStatus from : JobStatus.values()) {
      Set<JobStatus> illegal = EnumSet.allOf(JobStatus.class);
      illegal.removeAll(EXPECTED.get(from)); // includes from itself: no status goes to itself
      for (JobStatus to : illegal) {
        JobStatusTransitions status = reach(from);
        assertThat(status.canTransitionTo(to)).as(from + " -> " + to).isFalse();
        assertThatThrownBy(() -> status.transitionTo(to))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("'job'")
            .hasMessageContaining("from " + from + " to " + to);
        assertThat(status.current()).as("unchanged").isEqualTo(from);
      }
    }
  }

  @Test
  void aStatusDoesNotTransitionToItself() {
    JobStatusTransitions status = reach(JobStatus.RUNNING);
    assertThatThrownBy(() -> status.transitionTo(JobStatus.RUNNING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from RUNNING to RUNNING");
  }

  @Test
  void aJobStartsCreated() {
    assertThat(new JobStatusTransitions("job").current()).isEqualTo(JobStatus.CREATED);
  }

  /** A job in {@code target}, reached along allowed transitions. */
  private static JobStatusTransitions reach(JobStatus target) {
    JobStatusTransitions status = new JobStatusTransitions("job");
    switch (target) {
      case CREATED -> {}
      case RUNNING -> status.transitionTo(JobStatus.RUNNING);
      case RESTARTING -> path(status, JobStatus.RUNNING, JobStatus.RESTARTING);
      case FINISHED -> path(status, JobStatus.RUNNING, JobStatus.FINISHED);
      case FAILING -> path(status, JobStatus.RUNNING, JobStatus.FAILING);
      case FAILED -> path(status, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.FAILED);
      case CANCELLING -> path(status, JobStatus.RUNNING, JobStatus.CANCELLING);
      case CANCELED -> path(status, JobStatus.RUNNING, JobStatus.CANCELLING, JobStatus.CANCELED);
    }
    assertThat(status.current()).isEqualTo(target);
    return status;
  }

  private static void path(JobStatusTransitions status, JobStatus... steps) {
    for (JobStatus step : steps) {
      status.transitionTo(step);
    }
  }
}
