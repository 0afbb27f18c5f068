package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountITCase {
  @TempDir Path dir;

  @Test
  void countsWordsOfAFileInParallel() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "To be, or NOT to be:\nthat is it.\n");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);

    List<String> out =
        Collected.sortedStrings(WordCount.counts(env.readTextFile(input.toString())));

    assertThat(out)
        .containsExactly(
            "(be,1)",
            "(be,2)",
            "(is,1)",
            "(it,1)",
            "(not,1)",
            "(or,1)",
            "(that,1)",
            "(to,1)",
            "(to,2)");
  }

  @Test
  void writesTheRunningCountsToTheOutputFile() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "a b a\n\nb-a c\n");
    Path output = dir.resolve("out.txt");

    WordCount.run(
        new String[] {
          "--input", input.toString(), "--output", output.toString(), "--parallelism", "1"
        });

    assertThat(Files.readAllLines(output))
        .containsExactly("(a,1)", "(b,1)", "(a,2)", "(b,2)", "(a,3)", "(c,1)");
  }

  @Test
  void countsTheBuiltInTextWithoutInput() throws Exception {
    Path output = dir.resolve("out.txt");

    WordCount.run(new String[] {"--output", output.toString(), "--parallelism", "1"});

    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(46).contains("(the,5)", "(water,3)", "(eddy,2)");
    assertThat(lines).doesNotContain("(the,6)", "(water,4)", "(eddy,3)");
  }

  @Test
  void reportsUsageMistakesInOneLine() throws Exception {
    assertThat(usageError("--bogus", "x")).isEqualTo("Error: unknown argument '--bogus'");
    assertThat(usageError("--parallelism", "zero"))
        .isEqualTo("Error: option --parallelism must be a number from 1 to 1024, not 'zero'");
    assertThat(usageError("--input", dir.resolve("missing").toString()))
        .startsWith("Error: input '")
        .endsWith("missing' does not exist");
  }

  private static String usageError(String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ExampleMain.run(
            args,
            WordCount::run,
            WordCount.USAGE,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.lines()).hasSize(1);
    assertThat(message).endsWith(". Usage: " + WordCount.USAGE + System.lineSeparator());
    return message.substring(0, message.indexOf(". Usage: "));
  }
}
