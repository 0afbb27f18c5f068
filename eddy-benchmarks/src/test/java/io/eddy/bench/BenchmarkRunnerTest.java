package io.eddy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {
  private static final Pattern LINE =
      Pattern.compile(
          "eddy workload=(\\w+) p=(\\d+) n=(\\d+) wall_s=(\\d+\\.\\d\\d) net_ms=(\\d+)"
              + " rec_per_s=(\\d+|Infinity)");

  @TempDir Path dir;

  @Test
  void runsStateless() throws Exception {
    assertRan(run("stateless", "2", "10000"), "stateless", 2, 10_000);
  }

  @Test
  void runsKeyedSum() throws Exception {
    assertRan(run("keyedsum", "2", "10000", "0"), "keyedsum", 2, 10_000);
  }

  @Test
  void runsWordCountAndCountsWords() throws Exception {
    Path input = dir.resolve("words.txt");
    WordsFile.write(input, 1_000);

    assertRan(run("wordcount", "2", "1000", "0", input.toString()), "wordcount", 2, 10_000);
  }

  @Test
  void makesTheWordCountInputWhenItIsMissing() throws Exception {
    Path input = dir.resolve("sub/words.txt");

    assertRan(run("wordcount", "1", "100", "0", input.toString()), "wordcount", 1, 1_000);
    assertThat(input).exists();
  }

  @Test
  void runsTheWindowWorkload() throws Exception {
    assertRan(run("window", "2", "10000"), "window", 2, 10_000);
  }

  @Test
  void runsWithCheckpoints() throws Exception {
    assertRan(run("keyedsum", "2", "100000", "20"), "keyedsum", 2, 100_000);
  }

  @Test
  void runsOnRocksDB() throws Exception {
    assertRan(
        run("keyedsum", "2", "10000", "20", "--state-backend", "rocksdb"), "keyedsum", 2, 10_000);
    assertRan(run("window", "2", "10000", "--state-backend", "rocksdb"), "window", 2, 10_000);
  }

  @Test
  void reportsCommandLineMistakesInOneLineWithExitCode1() throws Exception {
    assertUsageError(run(), "Error: expected 3 to 5 arguments, got 0");
    assertUsageError(run("joins", "2", "10"), "Error: unknown workload 'joins'");
    assertUsageError(
        run("stateless", "two", "10"), "Error: P must be a whole number from 1 to 1024, not 'two'");
    assertUsageError(run("stateless", "2", "0"), "Error: N must be a whole number from 1 to");
    assertUsageError(
        run("keyedsum", "2", "10", "--state-backend", "disk"),
        "Error: --state-backend takes heap or rocksdb");
  }

  private static void assertUsageError(Outcome outcome, String start) {
    assertThat(outcome.code).isEqualTo(1);
    assertThat(outcome.out).isEmpty();
    assertThat(outcome.err.lines()).hasSize(1);
    assertThat(outcome.err).startsWith(start).contains("Usage: BenchmarkRunner WORKLOAD P N");
  }

  private static void assertRan(Outcome outcome, String workload, int p, long n) {
    assertThat(outcome.code).as(outcome.err).isZero();
    assertThat(outcome.out.lines()).hasSize(1);
    Matcher m = LINE.matcher(outcome.out.strip());
    assertThat(m.matches()).as(outcome.out).isTrue();
    assertThat(m.group(1)).isEqualTo(workload);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(p);
    assertThat(Long.parseLong(m.group(3))).isEqualTo(n);
    long netMillis = Long.parseLong(m.group(5));
    assertThat(Double.parseDouble(m.group(4)) * 1000).isGreaterThanOrEqualTo(netMillis - 10);
    if (netMillis > 0) {
      assertThat(Long.parseLong(m.group(6))).isEqualTo(Math.round(n / (netMillis / 1000.0)));
    }
  }

  private static Outcome run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchmarkRunner.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code,
        out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  private record Outcome(int code, String out, String err) {}
}
