package io.eddy.api;

import io.eddy.api.annotation.PublicEvolving;

/** A job failed or was cancelled. The message says which operator and subtask failed, and why. */
@PublicEvolving
public class JobExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String jobId;

  public JobExecutionException(String jobId, String message, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
  }

  public String getJobId() {
    return jobId;
  }
}
