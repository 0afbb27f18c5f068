package io.eddy.examples;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.java.tuple.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Counts the words of a text file, a directory of text files, or a small built-in text.
 *
 * <pre>
 * WordCount [--input PATH] [--output PATH] [--parallelism N]
 * </pre>
 *
 * <p>Words are the lowercase runs of word characters. The job is a streaming job: it emits a
 * running count {@code (word,count)} each time a word is seen, so the last line for a word is its
 * total. Without {@code --output} the counts are printed; with it they are written as text (one
 * file at parallelism 1, else a directory with one file per subtask; all lines of a word are in the
 * same file, in order).
 */
public final class WordCount {
  static final String USAGE = "WordCount [--input PATH] [--output PATH] [--parallelism N]";

  /** The text counted when no {@code --input} is given. */
  static final String[] BUILT_IN_TEXT = {
    "An eddy is a swirl of water that turns against the main current.",
    "Streams of water, streams of events: the current never stops,",
    "and every eddy keeps a little of the water that passed by.",
    "Count the words, count them again, and the counts keep flowing."
  };

  private WordCount() {}

  public static void main(String[] args) throws Exception {
    ExampleMain.main(args, WordCount::run, USAGE);
  }

  static void run(String[] args) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, Set.of("input", "output", "parallelism"));
    int parallelism = options.getInt("parallelism", 0, 1, 1024);
    String input = options.get("input");
    if (input != null && !Files.exists(Path.of(input))) {
      throw new UsageException("input '" + input + "' does not exist");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    DataStream<String> lines =
        input == null ? env.fromElements(BUILT_IN_TEXT) : env.readTextFile(input);
    DataStream<Tuple2<String, Long>> counts = counts(lines);
    String output = options.get("output");
    if (output == null) {
      counts.print();
    } else {
      counts.writeAsText(output);
    }
    env.execute("WordCount");
  }

  /** The running count of every word in {@code lines}: one {@code (word,count)} per word seen. */
  public static DataStream<Tuple2<String, Long>> counts(DataStream<String> lines) {
    return lines.flatMap(new Tokenizer()).keyBy(t -> t.f0).sum(1);
  }
}
