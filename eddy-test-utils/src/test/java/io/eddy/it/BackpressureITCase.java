package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                BackpressureJob.class.getName(),
                "10000000")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    boolean exited = process.waitFor(10, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(exited).as("job finished; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).contains("count=10000000 sumOk=true");
  }
}
