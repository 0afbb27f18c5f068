package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.testutils.MiniClusterExtension;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** socketTextStream reads lines from a real server socket on loopback until it closes. */
class SocketSourceITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(1, 4);

  @Test
  void readsLinesUntilTheServerCloses() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (Socket client = server.accept();
                    OutputStream out = client.getOutputStream()) {
                  StringBuilder text = new StringBuilder();
                  for (int i = 0; i < 5000; i++) {
                    text.append("line ").append(i).append('\n');
                  }
                  text.append("the last line without a newline");
                  out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      List<String> out = new ArrayList<>();
      try (var it =
          env.socketTextStream("127.0.0.1", server.getLocalPort())
              .map(String::toUpperCase)
              .executeAndCollect()) {
        it.forEachRemaining(out::add);
      }
      served.join();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        expected.add("LINE " + i);
      }
      expected.add("THE LAST LINE WITHOUT A NEWLINE");
      assertThat(out).containsExactlyInAnyOrderElementsOf(expected); // the map runs at p=2
    }
  }
}
