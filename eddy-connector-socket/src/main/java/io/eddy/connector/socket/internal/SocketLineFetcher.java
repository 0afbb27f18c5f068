package io.eddy.connector.socket.internal;

import io.eddy.api.annotation.Internal;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Reads delimited UTF-8 text from a TCP server on a dedicated daemon thread into a bounded queue.
 * When the queue is full the thread blocks, so a slow reader slows down the connection
 * (backpressure). The reader takes lines with {@link #poll()} on its task thread and registers a
 * future with {@link #notifyWhenAvailable} to be woken when lines arrive or the input ends.
 *
 * <p>Threading: {@link #poll()}, {@link #notifyWhenAvailable} and {@link #isDone()} are called by
 * the one task thread; the fetcher thread only fills the queue and completes the registered future.
 * {@link #close()} closes the socket and stops the thread.
 */
@Internal
public final class SocketLineFetcher implements AutoCloseable {
  /** Lines buffered between the socket and the reader. */
  public static final int QUEUE_CAPACITY = 1024;

  static final long RETRY_DELAY_MILLIS = 1000;
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final String host;
  private final int port;
  private final char delimiter;
  private final int maxRetries;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread thread;

  private volatile CompletableFuture<Void> listener;
  private volatile boolean finished;
  private volatile Throwable failure;
  private volatile boolean closed;
  private volatile Socket socket;

  public SocketLineFetcher(String host, int port, char delimiter, int maxRetries) {
    this.host = host;
    this.port = port;
    this.delimiter = delimiter;
    this.maxRetries = maxRetries;
    this.thread = new Thread(this::run, "eddy-socket-source-" + host + ":" + port);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The next line, or null if none is buffered. Task thread. */
  public String poll() {
    return queue.poll();
  }

  /** Whether the input ended (server closed or failure) and every line was taken. */
  public boolean isDone() {
    return finished && queue.isEmpty();
  }

  /** Why the input ended early, or null. */
  public Throwable failure() {
    return failure;
  }

  /** Completes {@code future} as soon as a line is buffered or the input ended (now, if so). */
  public void notifyWhenAvailable(CompletableFuture<Void> future) {
    listener = future;
    // Checked after registering: a line queued before the fetcher saw the new listener is seen
    // here, so no wake-up is lost.
    if (finished || !queue.isEmpty()) {
      future.complete(null);
    }
  }

  Thread thread() {
    return thread;
  }

  private void run() {
    try (Socket connected = connect()) {
      if (connected != null) {
        readLines(new InputStreamReader(connected.getInputStream(), StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      // Closed while waiting to retry or for queue space.
    } catch (IOException e) {
      if (!closed) {
        failure = e;
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      finished = true;
      wakeUp();
    }
  }

  /** Connects, retrying up to {@link #maxRetries} times; null if closed meanwhile. */
  private Socket connect() throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      Socket candidate = new Socket();
      socket = candidate;
      if (closed) {
        candidate.close();
        return null;
      }
      try {
        candidate.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        return candidate;
      } catch (IOException e) {
        candidate.close();
        if (closed) {
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

  private void readLines(Reader in) throws IOException, InterruptedException {
    char[] chunk = new char[8192];
    StringBuilder line = new StringBuilder();
    int read;
    while ((read = in.read(chunk)) >= 0) {
      int lineStart = 0;
      for (int i = 0; i < read; i++) {
        if (chunk[i] == delimiter) {
          line.append(chunk, lineStart, i - lineStart);
          emit(line);
          lineStart = i + 1;
        }
      }
      line.append(chunk, lineStart, read - lineStart);
    }
    if (line.length() > 0) {
      emit(line);
    }
  }

  private void emit(StringBuilder line) throws InterruptedException {
    int length = line.length();
    if (delimiter == '\n' && length > 0 && line.charAt(length - 1) == '\r') {
      length--;
    }
    queue.put(line.substring(0, length)); // blocks while full: backpressure
    line.setLength(0);
    wakeUp();
  }

  private void wakeUp() {
    CompletableFuture<Void> current = listener;
    if (current != null) {
      current.complete(null);
    }
  }

  /** Closes the connection and stops the thread, waiting for it briefly. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    Socket current = socket;
    if (current != null) {
      try {
        current.close(); // unblocks a blocked read
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
    thread.interrupt(); // unblocks a full queue or a retry wait
    if (thread.isAlive() && thread != Thread.currentThread()) {
      thread.join(1000);
    }
  }
}
