package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands: the scripts in {@code bin/} run against the packaged build (this test runs
 * after {@code package}).
 */
class ScriptsScriptIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(Path dir, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, ROOT.resolve(cmd.get(0)).toString());
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeExampleCommandRunsWordCount(@TempDir Path dir) throws Exception {
    Result r = run(dir, "bin/eddy", "example", "WordCount");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).containsPattern("\\(eddy,\\d+\\)").contains("(water,");
  }

  @Test
  void wordCountOnAFileWritesExactCounts(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a b a\nc a b\n");
    Path output = dir.resolve("out.txt");
    Result r =
        run(
            dir,
            "bin/eddy",
            "example",
            "WordCount",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--parallelism",
            "1");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readAllLines(output))
        .containsExactlyInAnyOrder("(a,1)", "(b,1)", "(a,2)", "(c,1)", "(a,3)", "(b,2)");
  }

  @Test
  void runsAJobJarWithAnExplicitMainClass(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "x y x\n");
    Path output = dir.resolve("out.txt");
    Path jar;
    try (var files = Files.list(ROOT.resolve("eddy-examples/target"))) {
      jar =
          files
              .filter(f -> f.getFileName().toString().matches("eddy-examples-.*\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    Result r =
        run(
            dir,
            "bin/eddy",
            "run",
            "-p",
            "1",
            "-c",
            "io.eddy.examples.WordCount",
            jar.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readAllLines(output)).containsExactlyInAnyOrder("(x,1)", "(y,1)", "(x,2)");
  }

  @Test
  void partitionRebalanceExampleRuns(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "alpha\nbeta\n");
    Result r = run(dir, "bin/eddy", "example", "PartitionRebalance", "--input", input.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("alpha").contains("beta");
  }

  @Test
  void aMistakeIsOneLineAndExitCode1(@TempDir Path dir) throws Exception {
    Result r = run(dir, "bin/eddy", "run", "missing.jar");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip()).isEqualTo("eddy: Job jar not found: missing.jar");
  }

  @Test
  void theBenchmarkRunnerPrintsTheBaselineFormat(@TempDir Path dir) throws Exception {
    Result r = run(dir, "bin/eddy-bench", "stateless", "1", "10000");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .containsPattern(
            "eddy workload=stateless p=1 n=10000 wall_s=[0-9.]+ net_ms=\\d+ rec_per_s=\\d+");
  }
}
