package io.eddy.bench;

import java.util.Locale;

/**
 * One benchmark run, printed as the line the pairing script reads: {@code eddy workload=W p=P n=N
 * wall_s=S net_ms=M rec_per_s=R}, in the peer harness's format.
 *
 * @param workload the workload's name
 * @param parallelism the job's parallelism
 * @param n the records counted (words, for wordcount)
 * @param wallSeconds from defining the job to its end, as seen by the client
 * @param netMillis the job's net runtime, from submission to completion inside the cluster
 */
public record BenchmarkResult(
    String workload, int parallelism, long n, double wallSeconds, long netMillis) {

  /** Records per second of net runtime. */
  public double recordsPerSecond() {
    return n / (netMillis / 1000.0);
  }

  /** The result line, without a line break. */
  public String format() {
    return String.format(
        Locale.ROOT,
        "eddy workload=%s p=%d n=%d wall_s=%.2f net_ms=%d rec_per_s=%.0f",
        workload,
        parallelism,
        n,
        wallSeconds,
        netMillis,
        recordsPerSecond());
  }
}
