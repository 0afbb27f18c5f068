package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.testutils.MiniClusterExtension;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * WordCount over ~100 MB of generated text (read as several parallel byte-range splits) equals a
 * count made without Eddy.
 */
class WordCountLargeInputITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 2);

  private static final Map<String, Long> FINAL_COUNTS = new ConcurrentHashMap<>();

  /** Keeps the largest running count seen per word: its total once the input has ended. */
  static final class FinalCountSink implements Sink<Tuple2<String, Long>> {
    @Override
    public SinkWriter<Tuple2<String, Long>> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Tuple2<String, Long> element, Context ctx) {
          FINAL_COUNTS.merge(element.f0, element.f1, Math::max);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void countsEveryWordExactly(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("words.txt");
    Map<String, Long> expected = writeText(input, 100L << 20);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.readTextFile(input.toString())
        .flatMap(
            (String line, Collector<Tuple2<String, Long>> out) -> {
              for (String w : line.split(" ")) {
                if (!w.isEmpty()) {
                  out.collect(Tuple2.of(w, 1L));
                }
              }
            })
        .keyBy(t -> t.f0)
        .sum(1)
        .sinkTo(new FinalCountSink());
    env.execute("wordcount 100 MB");
    assertThat(FINAL_COUNTS).isEqualTo(expected);
  }

  /** Writes random words until the file has {@code bytes} bytes; returns the true counts. */
  private static Map<String, Long> writeText(Path file, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Long> counts = new HashMap<>();
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      while (written < bytes) {
        line.setLength(0);
        int words = 1 + random.nextInt(12);
        for (int i = 0; i < words; i++) {
          String word = "w" + Integer.toString(random.nextInt(20_000), 36);
          counts.merge(word, 1L, Long::sum);
          if (i > 0) {
            line.append(' ');
          }
          line.append(word);
        }
        line.append('\n');
        w.append(line);
        written += line.length();
      }
    }
    return counts;
  }
}
