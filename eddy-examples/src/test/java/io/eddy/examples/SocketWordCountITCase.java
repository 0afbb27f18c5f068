package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SocketWordCountITCase {

  @Test
  void countsTheWordsALocalServerSends() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(() -> serve(server, "a b\nB a\n"));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);

      List<String> out =
          Collected.sortedStrings(
              WordCount.counts(env.socketTextStream("127.0.0.1", server.getLocalPort())));

      await().atMost(Duration.ofSeconds(5)).until(served::isDone);
      assertThat(served).isCompleted();
      assertThat(out).containsExactly("(a,1)", "(a,2)", "(b,1)", "(b,2)");
    }
  }

  @Test
  void reportsAMissingPortInOneLine() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ExampleMain.run(
            new String[] {"--hostname", "localhost"},
            SocketWordCount::run,
            SocketWordCount.USAGE,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Error: option --port is required. Usage: "
                + SocketWordCount.USAGE
                + System.lineSeparator());
  }

  @Test
  void reportsAnUnreachableServerInOneLine() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ExampleMain.run(
            new String[] {"--hostname", "127.0.0.1", "--port", String.valueOf(closedPort)},
            SocketWordCount::run,
            SocketWordCount.USAGE,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .asString()
        .startsWith("Error: the job failed: ")
        .contains("127.0.0.1:" + closedPort);
  }

  /** Accepts one connection, sends {@code text} and closes it, which ends the job. */
  private static void serve(ServerSocket server, String text) {
    try (Socket client = server.accept();
        Writer writer =
            new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      writer.write(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
