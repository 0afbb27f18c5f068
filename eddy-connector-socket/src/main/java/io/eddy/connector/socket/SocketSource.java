package io.eddy.connector.socket;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.connector.source.Boundedness;
import io.eddy.api.connector.source.Source;
import io.eddy.api.connector.source.SourceReader;
import io.eddy.api.connector.source.SourceReaderContext;
import io.eddy.api.connector.source.SplitEnumerator;
import io.eddy.api.connector.source.SplitEnumeratorContext;
import io.eddy.connector.base.SingleReaderSplitEnumerator;
import io.eddy.connector.socket.internal.SocketSourceReader;
import io.eddy.core.internal.connector.source.SplitListSerializer;
import java.util.List;

/**
 * An unbounded source of the text lines that a TCP server sends, for demos and tests ({@code nc -lk
 * 9999}). Lines are UTF-8, separated by a delimiter character ({@code '\n'} by default; with {@code
 * '\n'} a trailing {@code '\r'} is removed too). The input ends when the server closes the
 * connection.
 *
 * <p>Not parallel: one reader (subtask 0) connects; the API runs this source with parallelism 1. A
 * dedicated daemon thread reads the socket into a bounded buffer, so a slow pipeline slows down the
 * connection (TCP backpressure) and the task thread never blocks on the network.
 *
 * <p>No replay: a socket cannot be rewound, so after a failure the restarted reader connects again
 * and continues with whatever the server sends then. Lines received but not yet checkpointed are
 * lost, and there are no exactly-once guarantees for this source.
 *
 * <p>Checkpoints: the source takes part in them but saves no position or data, since there is none
 * to go back to. The reader's checkpoint holds only its split (the server's address), so that a
 * reader restored from a checkpoint connects to the server again; lines the server sent after that
 * checkpoint, before or during the restart, are not read again.
 */
@PublicEvolving
public final class SocketSource implements Source<String, SocketSplit, List<SocketSplit>> {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;
  private final char delimiter;
  private final int maxRetries;

  /** Lines separated by {@code '\n'}; fails at once if the server cannot be reached. */
  public SocketSource(String host, int port) {
    this(host, port, '\n', 0);
  }

  /** Records separated by {@code delimiter}; fails at once if the server cannot be reached. */
  public SocketSource(String host, int port, char delimiter) {
    this(host, port, delimiter, 0);
  }

  /**
   * @param host the server's host name or address
   * @param port the server's port
   * @param delimiter the character that ends each record
   * @param maxRetries how many more times to try connecting, one second apart, if the server cannot
   *     be reached (0: fail at once)
   */
  public SocketSource(String host, int port, char delimiter, int maxRetries) {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
    }
    this.host = host;
    this.port = port;
    this.delimiter = delimiter;
    this.maxRetries = maxRetries;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<String, SocketSplit> createReader(SourceReaderContext readerContext) {
    return new SocketSourceReader(readerContext, delimiter, maxRetries);
  }

  @Override
  public SplitEnumerator<SocketSplit, List<SocketSplit>> createEnumerator(
      SplitEnumeratorContext<SocketSplit> enumContext) {
    return new SingleReaderSplitEnumerator<>(enumContext, List.of(new SocketSplit(host, port)));
  }

  @Override
  public SplitEnumerator<SocketSplit, List<SocketSplit>> restoreEnumerator(
      SplitEnumeratorContext<SocketSplit> enumContext, List<SocketSplit> checkpoint) {
    return new SingleReaderSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<SocketSplit> getSplitSerializer() {
    return new SocketSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<SocketSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(new SocketSplitSerializer());
  }
}
