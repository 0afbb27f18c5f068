package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.connector.source.SourceSplit;

/**
 * The one split of a {@link FromElementsSource}: all its elements, from index {@code position} on.
 */
@PublicEvolving
public record FromElementsSplit(int position) implements SourceSplit {

  public FromElementsSplit {
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative: " + position);
    }
  }

  @Override
  public String splitId() {
    return "elements";
  }
}
