package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.api.java.tuple.Tuple5;
import org.junit.jupiter.api.Test;

class TupleLongSumTest {

  @Test
  void keepsTheFirstTuplesOtherFieldsAndSumsOneField() {
    TupleLongSum sum = new TupleLongSum(Tuple3.of("k", 5L, "first"), 1);
    assertThat(sum.add(2)).isEqualTo(Tuple3.of("k", 7L, "first"));
    assertThat(sum.add(3)).isEqualTo(Tuple3.of("k", 10L, "first"));
  }

  @Test
  void worksForEveryArityAndPosition() {
    assertThat(new TupleLongSum(Tuple2.of(1L, "x"), 0).add(4)).isEqualTo(Tuple2.of(5L, "x"));
    TupleLongSum five = new TupleLongSum(Tuple5.of("a", "b", "c", "d", 1L), 4);
    assertThat(five.add(1)).isEqualTo(Tuple5.of("a", "b", "c", "d", 2L));
  }

  @Test
  void emittedTuplesAreNeverChangedLater() {
    TupleLongSum sum = new TupleLongSum(Tuple2.of("k", 1L), 1);
    io.eddy.api.java.tuple.Tuple first = sum.add(1);
    sum.add(1);
    assertThat(first).isEqualTo(Tuple2.of("k", 2L));
  }
}
