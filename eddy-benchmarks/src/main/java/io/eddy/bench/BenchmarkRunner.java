package io.eddy.bench;

import io.eddy.api.JobExecutionResult;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.state.EmbeddedRocksDBStateBackend;
import io.eddy.api.common.state.HashMapStateBackend;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one reference workload on the embedded cluster and prints one result line (see {@link
 * BenchmarkResult}), for pairing with the peer baseline's line of the same workload.
 *
 * <pre>
 * BenchmarkRunner WORKLOAD P N [CHECKPOINT_MS] [INPUT]
 * </pre>
 *
 * <p>With CHECKPOINT_MS &gt; 0 the job takes a checkpoint that often (exactly once, aligned, heap
 * state) into {@code <tmp>/eddy-bench-checkpoints}, or the directory of the system property {@code
 * eddy.bench.checkpoints}.
 *
 * <p>Exit codes: 0 done, 1 a command-line mistake, 2 an option Eddy does not support yet.
 */
public final class BenchmarkRunner {
  private BenchmarkRunner() {}

  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the benchmark {@code args} ask for; returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    try {
      out.println(run(BenchmarkArgs.parse(args)).format());
      return 0;
    } catch (BenchmarkException e) {
      err.println(
          "Error: "
              + e.getMessage()
              + (e.exitCode() == 1 ? ". Usage: " + BenchmarkArgs.USAGE : ""));
      return e.exitCode();
    }
  }

  static BenchmarkResult run(BenchmarkArgs args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(args.parallelism());
    // on by default, as for every job; false measures the window workload without it
    env.setWindowPreAggregation(
        Boolean.parseBoolean(System.getProperty("eddy.bench.window-pre-aggregation", "true")));
    if (args.stateBackend() != null) {
      env.setStateBackend(
          args.stateBackend().equals("rocksdb")
              ? new EmbeddedRocksDBStateBackend()
              : new HashMapStateBackend());
    }
    if (args.checkpointMillis() > 0) {
      env.enableCheckpointing(args.checkpointMillis());
      env.getCheckpointConfig()
          .setCheckpointStorage(
              System.getProperty(
                  "eddy.bench.checkpoints",
                  Path.of(System.getProperty("java.io.tmpdir"), "eddy-bench-checkpoints")
                      .toString()));
    }
    long n = args.n();
    long start = System.nanoTime();
    switch (args.workload()) {
      case "stateless" -> Workloads.stateless(env, n);
      case "keyedsum" -> Workloads.keyedSum(env, n);
      case "window" -> Workloads.window(env, n);
      case "wordcount" -> {
        Workloads.wordCount(env, wordsInput(args).toString());
        n = n * WordsFile.WORDS_PER_LINE;
      }
      default -> throw new IllegalStateException("unhandled workload " + args.workload());
    }
    JobExecutionResult result = env.execute(args.workload());
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    return new BenchmarkResult(
        args.workload(), args.parallelism(), n, wallSeconds, result.getNetRuntime());
  }

  /**
   * The wordcount input: INPUT, or {@code target/words-N.txt}; made with N lines if absent. As in
   * the peer harness, N is taken as the file's line count, and throughput is counted in words.
   */
  private static Path wordsInput(BenchmarkArgs args) throws Exception {
    Path input = Path.of(args.input() != null ? args.input() : "target/words-" + args.n() + ".txt");
    if (!Files.exists(input)) {
      WordsFile.write(input, args.n());
    }
    return input;
  }
}
