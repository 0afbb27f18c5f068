package io.eddy.runtime.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.CloseableIterator;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstJobITCase {
  @Test
  void sequenceMapKeyBySum() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    try (CloseableIterator<Tuple2<Long, Long>> it =
        env.fromSequence(1, 1000)
            .map(x -> Tuple2.of(x % 10, x))
            .keyBy(t -> t.f0)
            .sum(1)
            .executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    assertThat(out).hasSize(1000);
    long total = out.stream().filter(t -> t.f0 == 3L).mapToLong(t -> t.f1).max().getAsLong();
    assertThat(total)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 1000).filter(x -> x % 10 == 3).sum());
  }
}
