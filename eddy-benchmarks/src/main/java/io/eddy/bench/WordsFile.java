package io.eddy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the wordcount workload's input: lines of 10 space-separated words drawn from a 10,000-word
 * vocabulary with a Zipf-like skew, from a fixed seed. The file is byte-for-byte the one the peer
 * harness's {@code gen-words} makes, so either tool can produce the shared input.
 */
public final class WordsFile {
  static final int WORDS_PER_LINE = 10;
  private static final int VOCABULARY = 10_000;
  private static final long SEED = 42;

  private WordsFile() {}

  /** Writes {@code lines} lines to {@code file}, creating its parent directories. */
  public static void write(Path file, long lines) throws IOException {
    String[] vocabulary = vocabulary();
    Random random = new Random(SEED);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long line = 0; line < lines; line++) {
        for (int k = 0; k < WORDS_PER_LINE; k++) {
          if (k > 0) {
            out.write(' ');
          }
          out.write(vocabulary[pick(random.nextDouble())]);
        }
        out.write('\n');
      }
    }
  }

  /** Word {@code i} is "w" followed by {@code i * 7919 mod 100003} in base 36. */
  private static String[] vocabulary() {
    String[] words = new String[VOCABULARY];
    for (int i = 0; i < VOCABULARY; i++) {
      words[i] = "w" + Integer.toString(i * 7919 % 100_003, 36);
    }
    return words;
  }

  /** Maps a uniform {@code u} in [0, 1) to an index in [0, VOCABULARY): floor(V^u) - 1, clamped. */
  private static int pick(double u) {
    int index = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, u)) - 1);
    return Math.max(0, index);
  }
}
