package io.eddy.bench;

import java.util.Set;

/**
 * The benchmark command line {@code WORKLOAD P N [CHECKPOINT_MS] [INPUT] [--state-backend
 * heap|rocksdb]}, the same as the peer harness's plus the option. For {@code wordcount}, N is the
 * number of input lines and INPUT the text file (default {@code target/words-N.txt}, made if
 * absent).
 *
 * @param workload the workload's name
 * @param parallelism the job's parallelism, at least 1
 * @param n the number of records (lines, for wordcount), at least 1
 * @param checkpointMillis the checkpoint interval, 0 for none
 * @param input the wordcount input file, or null for the default
 * @param stateBackend the state backend the job chooses ({@code heap} or {@code rocksdb}), or null
 *     for the cluster's (the heap)
 */
public record BenchmarkArgs(
    String workload,
    int parallelism,
    long n,
    long checkpointMillis,
    String input,
    String stateBackend) {
  static final String USAGE =
      "BenchmarkRunner WORKLOAD P N [CHECKPOINT_MS] [INPUT] [--state-backend heap|rocksdb]"
          + " (WORKLOAD: stateless, keyedsum, wordcount, window)";

  /** Arguments with the default state backend. */
  public BenchmarkArgs(
      String workload, int parallelism, long n, long checkpointMillis, String input) {
    this(workload, parallelism, n, checkpointMillis, input, null);
  }

  static final Set<String> WORKLOADS = Set.of("stateless", "keyedsum", "wordcount", "window");

  /** Parses and checks {@code args}; a usage {@link BenchmarkException} when they are wrong. */
  public static BenchmarkArgs parse(String[] given) throws BenchmarkException {
    String stateBackend = null;
    java.util.List<String> positional = new java.util.ArrayList<>();
    for (int i = 0; i < given.length; i++) {
      if (given[i].equals("--state-backend")) {
        if (i + 1 >= given.length || !Set.of("heap", "rocksdb").contains(given[i + 1])) {
          throw BenchmarkException.usage("--state-backend takes heap or rocksdb");
        }
        stateBackend = given[++i];
      } else {
        positional.add(given[i]);
      }
    }
    String[] args = positional.toArray(new String[0]);
    if (args.length < 3 || args.length > 5) {
      throw BenchmarkException.usage("expected 3 to 5 arguments, got " + args.length);
    }
    String workload = args[0];
    if (!WORKLOADS.contains(workload)) {
      throw BenchmarkException.usage("unknown workload '" + workload + "'");
    }
    int parallelism = (int) number("P", args[1], 1, 1024);
    long n = number("N", args[2], 1, Long.MAX_VALUE / 10);
    long checkpointMillis =
        args.length > 3 ? number("CHECKPOINT_MS", args[3], 0, Long.MAX_VALUE) : 0;
    String input = args.length > 4 ? args[4] : null;
    return new BenchmarkArgs(workload, parallelism, n, checkpointMillis, input, stateBackend);
  }

  private static long number(String name, String value, long min, long max)
      throws BenchmarkException {
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw BenchmarkException.usage(
        name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
  }
}
