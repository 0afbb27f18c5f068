package io.eddy.e2e;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's mistakes with the client commands are one clear line on stderr and a non-zero exit code,
 * never a stack trace.
 */
class CliErrorsE2EIT {
  @RegisterExtension final EddyCluster cluster = new EddyCluster();

  @Test
  @Timeout(180)
  void everyMistakeIsOneLineOnStderr() throws Exception {
    cluster.startJobManager();
    String jm = cluster.jobManager().restAddress();
    String closed = "127.0.0.1:" + EddyScript.freePort();

    SoftAssertions soft = new SoftAssertions();
    check(
        soft,
        "unreachable JobManager",
        EddyScript.run(cluster.workDir(), "list", "-m", closed),
        "Cannot reach the JobManager at " + closed);
    check(
        soft,
        "unknown job",
        EddyScript.run(cluster.workDir(), "cancel", "no-such-job", "-m", jm),
        "no-such-job");
    check(
        soft,
        "missing jar",
        EddyScript.run(cluster.workDir(), "run", "-m", jm, "/no/such.jar"),
        "/no/such.jar");
    check(soft, "bad flag", EddyScript.run(cluster.workDir(), "run", "--bogus"), "--bogus");
    soft.assertAll();
  }

  private static void check(
      SoftAssertions soft, String mistake, EddyScript.Result result, String mentions) {
    List<String> lines = result.stderr().strip().lines().toList();
    System.out.printf("[e2e] %s: exit code %d, stderr %s%n", mistake, result.exitCode(), lines);
    soft.assertThat(result.exitCode()).as("%s: exit code; %s", mistake, result).isNotZero();
    soft.assertThat(lines).as("%s: one line on stderr; %s", mistake, result).hasSize(1);
    if (!lines.isEmpty()) {
      String line = lines.get(0);
      soft.assertThat(line).as("%s: the line", mistake).startsWith("eddy: ").contains(mentions);
      soft.assertThat(line)
          .as("%s: no exception class names", mistake)
          .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
          .doesNotContain("\tat ");
    }
  }
}
