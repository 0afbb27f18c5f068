package io.eddy.api.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** print() prefixes lines like Flink: the 1-based subtask when parallel, the identifier if any. */
class PrintSinkTest {
  @Test
  void prefixes() {
    assertThat(PrintSink.prefix(null, 0, 1)).isEmpty();
    assertThat(PrintSink.prefix(null, 1, 4)).isEqualTo("2> ");
    assertThat(PrintSink.prefix("out", 0, 1)).isEqualTo("out> ");
    assertThat(PrintSink.prefix("out", 3, 4)).isEqualTo("out:4> ");
  }
}
