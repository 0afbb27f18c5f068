package io.eddy.connector.socket.internal;

import io.eddy.api.annotation.Internal;
import io.eddy.connector.base.FetchOutput;
import io.eddy.connector.base.FetchTask;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Reads delimited UTF-8 text from a TCP server, one line per element, on a {@code SplitFetcher}'s
 * thread: connects (retrying up to {@code maxRetries} times, a second apart), then reads until the
 * server closes the connection. {@link #cancel} closes the socket, which ends a blocked read.
 */
@Internal
final class SocketLineTask implements FetchTask<String> {
  static final long RETRY_DELAY_MILLIS = 1000;
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final String host;
  private final int port;
  private final char delimiter;
  private final int maxRetries;
  private volatile Socket socket;

  SocketLineTask(String host, int port, char delimiter, int maxRetries) {
    this.host = host;
    this.port = port;
    this.delimiter = delimiter;
    this.maxRetries = maxRetries;
  }

  @Override
  public void run(FetchOutput<String> output) throws Exception {
    try (Socket connected = connect(output)) {
      if (connected != null) {
        readLines(
            new InputStreamReader(connected.getInputStream(), StandardCharsets.UTF_8), output);
      }
    }
  }

  /** Connects, retrying up to {@link #maxRetries} times; null if closed meanwhile. */
  private Socket connect(FetchOutput<String> output) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      Socket candidate = new Socket();
      socket = candidate;
      if (output.isClosed()) {
        candidate.close();
        return null;
      }
      try {
        candidate.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        return candidate;
      } catch (IOException e) {
        candidate.close();
        if (output.isClosed()) {
          return null;
        }
        if (attempt >= maxRetries) {
          throw new IOException(
              "Could not connect to "
                  + host
                  + ":"
                  + port
                  + " after "
                  + (attempt + 1)
                  + " attempt(s): "
                  + e.getMessage(),
              e);
        }
        Thread.sleep(RETRY_DELAY_MILLIS);
      }
    }
  }

  private void readLines(Reader in, FetchOutput<String> output)
      throws IOException, InterruptedException {
    char[] chunk = new char[8192];
    StringBuilder line = new StringBuilder();
    int read;
    while ((read = in.read(chunk)) >= 0) {
      int lineStart = 0;
      for (int i = 0; i < read; i++) {
        if (chunk[i] == delimiter) {
          line.append(chunk, lineStart, i - lineStart);
          emit(line, output);
          lineStart = i + 1;
        }
      }
      line.append(chunk, lineStart, read - lineStart);
    }
    if (line.length() > 0) {
      emit(line, output);
    }
  }

  private void emit(StringBuilder line, FetchOutput<String> output) throws InterruptedException {
    int length = line.length();
    if (delimiter == '\n' && length > 0 && line.charAt(length - 1) == '\r') {
      length--;
    }
    output.emit(line.substring(0, length)); // blocks while the reader is behind
    line.setLength(0);
  }

  @Override
  public void cancel() {
    Socket current = socket;
    if (current != null) {
      try {
        current.close(); // unblocks a blocked read
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
  }
}
