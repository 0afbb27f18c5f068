package io.eddy.api;

import io.eddy.api.annotation.Public;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a finished job reports: its id, its net runtime and its accumulators. */
@Public
public final class JobExecutionResult {
  private final String jobId;
  private final long netRuntimeMillis;
  private final Map<String, Object> accumulators;

  public JobExecutionResult(String jobId, long netRuntimeMillis, Map<String, Object> accumulators) {
    this.jobId = jobId;
    this.netRuntimeMillis = netRuntimeMillis;
    this.accumulators = Map.copyOf(accumulators);
  }

  public String getJobId() {
    return jobId;
  }

  /** Milliseconds from the job's submission to its completion inside the cluster. */
  public long getNetRuntime() {
    return netRuntimeMillis;
  }

  public long getNetRuntime(TimeUnit unit) {
    return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
  }

  /** The merged value of an accumulator, or null if none had that name. */
  @SuppressWarnings("unchecked")
  public <T> T getAccumulatorResult(String name) {
    return (T) accumulators.get(name);
  }

  public Map<String, Object> getAllAccumulatorResults() {
    return accumulators;
  }

  @Override
  public String toString() {
    return "JobExecutionResult{jobId="
        + jobId
        + ", netRuntime="
        + netRuntimeMillis
        + " ms, accumulators="
        + accumulators
        + "}";
  }
}
