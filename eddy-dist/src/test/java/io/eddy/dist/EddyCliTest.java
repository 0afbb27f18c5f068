package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: runs examples, and answers mistakes with one clear line. */
class EddyCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsTheWordCountExampleOnAFile(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "to be or not to be\n");
    Path output = dir.resolve("out.txt");
    int code =
        EddyCli.execute(
            "example",
            "-p",
            "1",
            "WordCount",
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertThat(code).as(err()).isZero();
    assertThat(Files.readAllLines(output)).contains("(to,2)", "(be,2)", "(or,1)", "(not,1)");
  }

  @Test
  void aBadFlagIsOneLine() {
    int code = EddyCli.execute("run", "--no-such-flag", "x.jar");
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("eddy: Unknown option: '--no-such-flag'").hasLineCount(1);
  }

  @Test
  void aBadFlagWithoutAJarIsReportedAsTheBadFlag() {
    int code = EddyCli.execute("run", "--no-such-flag");
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("eddy: Unknown option: '--no-such-flag'").hasLineCount(1);
  }

  @Test
  void aMissingJarIsOneLine() {
    int code = EddyCli.execute("run", "does-not-exist.jar");
    assertThat(code).isEqualTo(1);
    assertThat(err())
        .isEqualTo("eddy: Job jar not found: does-not-exist.jar" + System.lineSeparator());
  }

  @Test
  void anUnknownExampleIsOneLine() {
    int code = EddyCli.execute("example", "Nope");
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("Unknown example 'Nope'").hasLineCount(1);
  }
}
