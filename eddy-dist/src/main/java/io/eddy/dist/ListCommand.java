package io.eddy.dist;

import io.eddy.rest.messages.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code eddy list [-m HOST:PORT]}: the jobs the JobManager knows. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the running and recently ended jobs of a JobManager.")
final class ListCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Mixin ClientOptions jobManager = new ClientOptions();

  @Override
  public Integer call() {
    Messages.Jobs jobs = jobManager.client().jobs();
    if (jobs.jobs().isEmpty()) {
      System.out.println("No jobs.");
      return 0;
    }
    String format = "%-36s  %-10s  %-19s  %10s  %s%n";
    System.out.printf(format, "JOB ID", "STATUS", "START", "DURATION", "NAME");
    for (Messages.JobSummary j : jobs.jobs()) {
      System.out.printf(
          format,
          j.id(),
          j.status(),
          TIME.format(Instant.ofEpochMilli(j.startTime())),
          formatDuration(j.duration()),
          j.name());
    }
    return 0;
  }

  static String formatDuration(long millis) {
    long s = millis / 1000;
    if (s < 60) {
      return String.format("%.1f s", millis / 1000.0);
    }
    if (s < 3600) {
      return String.format("%dm %02ds", s / 60, s % 60);
    }
    return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
  }
}
