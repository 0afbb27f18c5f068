package io.eddy.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/eddy} of this source tree (which runs the packaged {@code eddy-dist}). */
final class EddyScript {
  /** The repository root: failsafe runs in this module's directory. */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  static final Path SCRIPT = ROOT.resolve("bin/eddy");

  /**
   * JVM options of a JobManager or TaskManager: a small heap, one GC thread, and C1 only, which
   * starts fast and leaves the two cores of a build machine to the work under test.
   */
  static final String SERVER_JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  /** JVM options of a client command: it lives for a second. */
  static final String CLIENT_JAVA_OPTS = "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private EddyScript() {}

  /** What a client command did. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /** Starts {@code bin/eddy args...} in the background, its output going to {@code log}. */
  static EddyProcess start(String name, Path log, String javaOpts, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("EDDY_JAVA_OPTS", javaOpts);
    Files.writeString(log, "", StandardCharsets.UTF_8);
    return new EddyProcess(name, builder.start(), log);
  }

  /** Runs a client command ({@code run}, {@code list}, {@code cancel}, ...) to its end. */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "client", ".out");
    Path err = Files.createTempFile(dir, "client", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("EDDY_JAVA_OPTS", CLIENT_JAVA_OPTS);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("did not end within 2 minutes: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
