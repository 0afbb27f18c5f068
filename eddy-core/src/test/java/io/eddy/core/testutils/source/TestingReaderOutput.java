package io.eddy.core.testutils.source;

import io.eddy.api.connector.source.ReaderOutput;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader emits. */
public final class TestingReaderOutput<T> implements ReaderOutput<T> {
  private final List<T> records = new ArrayList<>();

  @Override
  public void collect(T record) {
    records.add(record);
  }

  @Override
  public void collect(T record, long timestamp) {
    records.add(record);
  }

  public List<T> records() {
    return records;
  }
}
