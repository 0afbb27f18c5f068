package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpressure keeps memory bounded: 10 M records from a fast source into a slow sink complete in a
 * 128 MB heap. Runs the job in a separate JVM so the heap limit is real.
 */
class BackpressureITCase {

  @Test
  void aSlowSinkSlowsTheSourceInsteadOfFillingTheHeap(@TempDir Path dir) throws Exception {
    run(dir, "10000000");
  }

  /**
   * The same across TCP: 2 TaskManagers exchanging data through the Netty data plane, so the slow
   * sink's backpressure must reach the sources through credits.
   */
  @Test
  void backpressureCrossesTheNetwork(@TempDir Path dir) throws Exception {
    run(
        dir,
        "5000000",
        "-Deddy.embedded.taskmanagers=2",
        "-Deddy.embedded.network-transport=netty");
  }

  private static void run(Path dir, String records, String... properties) throws Exception {
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx128m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(List.of(properties));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BackpressureJob.class.getName(),
            records));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean exited = process.waitFor(10, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(exited).as("job finished; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).contains("count=" + records + " sumOk=true");
  }
}
