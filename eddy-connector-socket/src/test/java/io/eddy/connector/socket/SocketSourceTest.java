package io.eddy.connector.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.InputStatus;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import io.eddy.core.testutils.source.TestingSplitEnumeratorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SocketSourceTest {

  @Test
  void readsLinesUntilTheServerClosesTheConnection() throws Exception {
    String sent = "alpha\nbeta\r\n\nünïcödé ✓\nlast without newline";
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> serving = serveOnce(server, sent);

      List<String> lines = readAll(new SocketSource("127.0.0.1", server.getLocalPort()));

      assertThat(lines).containsExactly("alpha", "beta", "", "ünïcödé ✓", "last without newline");
      serving.get();
    }
  }

  @Test
  void customDelimiterAndManyLinesThroughTheBoundedQueue() throws Exception {
    // Far more lines than the queue holds: the fetcher blocks until the reader catches up.
    String sent =
        IntStream.range(0, 20_000).mapToObj(i -> "r" + i).collect(Collectors.joining(";"));
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> serving = serveOnce(server, sent);

      List<String> lines = readAll(new SocketSource("127.0.0.1", server.getLocalPort(), ';'));

      assertThat(lines)
          .containsExactlyElementsOf(IntStream.range(0, 20_000).mapToObj(i -> "r" + i).toList());
      serving.get();
    }
  }

  @Test
  void unreachableServerFailsThePoll() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    SocketSource source = new SocketSource("127.0.0.1", port);
    assertThatThrownBy(() -> readAll(source))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Could not connect to 127.0.0.1:" + port);
  }

  @Test
  void enumeratorGivesTheSplitToSubtaskZeroOnly() throws Exception {
    SocketSource source = new SocketSource("localhost", 9999);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    TestingSplitEnumeratorContext<SocketSplit> context = new TestingSplitEnumeratorContext<>(3);
    SplitEnumerator<SocketSplit, List<SocketSplit>> enumerator = source.createEnumerator(context);

    enumerator.handleSplitRequest(2);
    assertThat(context.assignedTo(2)).isEmpty();
    assertThat(context.noMoreSplitsSignalled(2)).isTrue();
    assertThat(enumerator.snapshotState(1)).hasSize(1);

    enumerator.handleSplitRequest(0);
    assertThat(context.assignedTo(0)).containsExactly(new SocketSplit("localhost", 9999));
    assertThat(context.noMoreSplitsSignalled(0)).isTrue();
    assertThat(enumerator.snapshotState(2)).isEmpty();

    var serializer = source.getEnumeratorCheckpointSerializer();
    List<SocketSplit> state = List.of(new SocketSplit("höst", 1));
    assertThat(serializer.deserialize(1, serializer.serialize(state))).isEqualTo(state);
  }

  private static CompletableFuture<Void> serveOnce(ServerSocket server, String text) {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket client = server.accept();
              OutputStream out = client.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }

  /** Runs subtask 0 of the source to its end, waiting on its availability future. */
  private static List<String> readAll(SocketSource source) throws Exception {
    TestingSplitEnumeratorContext<SocketSplit> enumContext = new TestingSplitEnumeratorContext<>(1);
    SplitEnumerator<SocketSplit, List<SocketSplit>> enumerator =
        source.createEnumerator(enumContext);
    TestingSourceReaderContext readerContext = new TestingSourceReaderContext();
    TestingReaderOutput<String> output = new TestingReaderOutput<>();
    try (SourceReader<String, SocketSplit> reader = source.createReader(readerContext)) {
      reader.start();
      assertThat(readerContext.splitRequests()).isEqualTo(1);
      enumerator.handleSplitRequest(0);
      reader.addSplits(enumContext.takeUndelivered(0));
      reader.notifyNoMoreSplits();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        await()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .atMost(Duration.ofSeconds(30))
            .until(() -> reader.isAvailable().isDone());
      }
    }
    return output.records();
  }
}
