package io.eddy.examples;

import io.eddy.api.CloseableIterator;
import io.eddy.api.datastream.DataStream;
import java.util.ArrayList;
import java.util.List;

/** Runs a stream to its end and returns its elements' {@code toString()}, sorted. */
final class Collected {
  private Collected() {}

  static List<String> sortedStrings(DataStream<?> stream) throws Exception {
    List<String> result = new ArrayList<>();
    try (CloseableIterator<?> it = stream.executeAndCollect()) {
      it.forEachRemaining(e -> result.add(String.valueOf(e)));
    }
    result.sort(null);
    return result;
  }
}
