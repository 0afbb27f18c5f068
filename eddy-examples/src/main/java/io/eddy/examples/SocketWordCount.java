package io.eddy.examples;

import io.eddy.api.StreamExecutionEnvironment;
import java.util.Set;

/**
 * Counts the words of the lines a TCP server sends, until it closes the connection, and prints a
 * running count {@code (word,count)} for every word seen.
 *
 * <pre>
 * SocketWordCount --hostname H --port P
 * </pre>
 *
 * <p>Try it with {@code nc -lk 9999} in one terminal and {@code SocketWordCount --hostname
 * localhost --port 9999} in another, then type lines into the first.
 */
public final class SocketWordCount {
  static final String USAGE = "SocketWordCount --hostname H --port P";

  private SocketWordCount() {}

  public static void main(String[] args) throws Exception {
    ExampleMain.main(args, SocketWordCount::run, USAGE);
  }

  static void run(String[] args) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, Set.of("hostname", "port"));
    String hostname = options.required("hostname");
    options.required("port");
    int port = options.getInt("port", 0, 1, 65535);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    WordCount.counts(env.socketTextStream(hostname, port)).print();
    env.execute("SocketWordCount");
  }
}
