package io.eddy.examples;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.java.tuple.Tuple2;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a line into lowercase words at every run of non-word characters and emits {@code (word,
 * 1)} for each.
 */
public final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
  private static final long serialVersionUID = 1L;
  private static final Pattern NON_WORD = Pattern.compile("\\W+");

  @Override
  public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
    for (String word : NON_WORD.split(line.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        out.collect(Tuple2.of(word, 1L));
      }
    }
  }
}
