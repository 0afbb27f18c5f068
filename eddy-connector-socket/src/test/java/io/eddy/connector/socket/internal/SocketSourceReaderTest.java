package io.eddy.connector.socket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eddy.api.connector.source.InputStatus;
import io.eddy.connector.socket.SocketSplit;
import io.eddy.core.testutils.source.TestingReaderOutput;
import io.eddy.core.testutils.source.TestingSourceReaderContext;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketSourceReaderTest {

  @Test
  void closeStopsTheFetcherThreadOfAnOpenConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SocketSourceReader reader = new SocketSourceReader(new TestingSourceReaderContext(), '\n', 0);
      reader.start();
      reader.addSplits(List.of(new SocketSplit("127.0.0.1", server.getLocalPort())));
      reader.notifyNoMoreSplits();
      TestingReaderOutput<String> output = new TestingReaderOutput<>();

      try (Socket client = server.accept();
          OutputStream out = client.getOutputStream()) {
        out.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  reader.pollNext(output);
                  return output.records().size() == 2;
                });
        assertThat(output.records()).containsExactly("one", "two");
        // The connection stays open: the reader waits without blocking.
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.snapshotState(1)).hasSize(1);

        Thread fetcherThread = reader.fetcher().thread();
        assertThat(fetcherThread.isDaemon()).isTrue();
        assertThat(fetcherThread.getName()).startsWith("eddy-socket-source-");
        reader.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> !fetcherThread.isAlive());
        assertThat(reader.fetcher().failure()).isNull();
      }
    }
  }
}
