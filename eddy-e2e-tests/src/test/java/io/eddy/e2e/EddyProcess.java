package io.eddy.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running {@code bin/eddy} process (JobManager or TaskManager) whose stdout and stderr go to
 * one log file. {@code bin/eddy} ends with {@code exec java}, so the process is the JVM itself and
 * {@link #kill()} is a SIGKILL to it.
 */
final class EddyProcess {
  private final String name;
  private final Process process;
  private final Path log;

  EddyProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /**
   * Waits until the log has a line matching {@code pattern} and returns the match; fails at once,
   * with the log, if the process ends first.
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) {
    Matcher[] found = new Matcher[1];
    await("'" + pattern + "' in the log of " + name)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Optional<Matcher> m = findLine(pattern);
              if (m.isPresent()) {
                found[0] = m.get();
                return true;
              }
              if (!process.isAlive()) {
                throw new AssertionError(
                    name
                        + " exited with code "
                        + process.exitValue()
                        + " before printing '"
                        + pattern
                        + "':\n"
                        + tail(40));
              }
              return false;
            });
    return found[0];
  }

  private Optional<Matcher> findLine(Pattern pattern) {
    for (String line : lines()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while killing " + name, e);
    }
  }

  /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) with {@code kill -SIGNAL pid}. */
  void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid())).start();
      if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new AssertionError("kill -" + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run kill -" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while signalling " + name, e);
    }
  }

  /** Waits until the process ended and returns its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " did not end within " + timeout + ":\n" + tail(40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
    return process.exitValue();
  }

  /** Its log's lines from line {@code from} (0-based) on. */
  List<String> linesFrom(int from) {
    List<String> lines = lines();
    return lines.subList(Math.min(from, lines.size()), lines.size());
  }

  /** How many lines its log has now. */
  int lineCount() {
    return lines().size();
  }

  /** The last {@code n} lines of its log. */
  String tail(int n) {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private List<String> lines() {
    try {
      // Lenient decoding: the log may end in the middle of a character while the process writes.
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e + ")");
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
