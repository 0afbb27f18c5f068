package io.eddy.runtime.jobmaster;

import io.eddy.api.JobStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of one job, changed only along the allowed transitions; any other change is a bug and
 * throws {@link IllegalStateException} naming both statuses. Every status change of a job goes
 * through here. JobMaster main thread only.
 *
 * <pre>
 *            ┌──────────────────────▶ RUNNING ──────────▶ FINISHED
 *            │                        │  ▲
 *            │                        ▼  │ (whole job restarted)
 *  CREATED ──┤                      RESTARTING
 *            │   from CREATED, RUNNING, RESTARTING:
 *            ├─▶ FAILING ──▶ FAILED          (no restart: the others are cancelled)
 *            └─▶ CANCELLING ──▶ CANCELED     (cancelled)
 * </pre>
 *
 * Regional restarts keep the job RUNNING; FINISHED, FAILED and CANCELED are final.
 */
public final class JobStatusTransitions {
  private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

  static {
    allow(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.CANCELLING);
    allow(
        JobStatus.RUNNING,
        JobStatus.FINISHED,
        JobStatus.RESTARTING,
        JobStatus.FAILING,
        JobStatus.CANCELLING);
    allow(JobStatus.RESTARTING, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.CANCELLING);
    allow(JobStatus.FAILING, JobStatus.FAILED);
    allow(JobStatus.CANCELLING, JobStatus.CANCELED);
    for (JobStatus status : JobStatus.values()) {
      ALLOWED.putIfAbsent(status, Collections.unmodifiableSet(EnumSet.noneOf(JobStatus.class)));
    }
  }

  private static void allow(JobStatus from, JobStatus first, JobStatus... rest) {
    ALLOWED.put(from, Collections.unmodifiableSet(EnumSet.of(first, rest)));
  }

  private final String jobName;
  private JobStatus current = JobStatus.CREATED;

  /** A job in CREATED; {@code jobName} names it in errors. */
  JobStatusTransitions(String jobName) {
    this.jobName = jobName;
  }

  /** The statuses a job in {@code from} may change to (none for a final status). */
  static Set<JobStatus> allowedFrom(JobStatus from) {
    return ALLOWED.get(from);
  }

  static boolean isAllowed(JobStatus from, JobStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  public JobStatus current() {
    return current;
  }

  /** Whether the job may change to {@code next} now. */
  public boolean canTransitionTo(JobStatus next) {
    return isAllowed(current, next);
  }

  /**
   * Changes the job's status to {@code next}.
   *
   * @throws IllegalStateException if the table does not allow it
   */
  public void transitionTo(JobStatus next) {
    if (!isAllowed(current, next)) {
      throw new IllegalStateException(
          "Job '"
              + jobName
              + "' cannot go from "
              + current
              + " to "
              + next
              + " (allowed from "
              + current
              + ": "
              + ALLOWED.get(current)
              + ")");
    }
    current = next;
  }
}
