package io.eddy.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeConnectionsTest {

  @Test
  void allToAllConnectsEveryPair() {
    EdgeConnections c = new EdgeConnections(2, 3, false);
    assertThat(c.subpartitions(0)).isEqualTo(3);
    assertThat(c.channelsOf(2))
        .containsExactly(new EdgeConnections.Channel(0, 2), new EdgeConnections.Channel(1, 2));
  }

  @Test
  void pointwiseCoversEveryProducerSubpartitionExactlyOnce() {
    for (int p = 1; p <= 7; p++) {
      for (int c = 1; c <= 7; c++) {
        EdgeConnections conn = new EdgeConnections(p, c, true);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int consumer = 0; consumer < c; consumer++) {
          assertThat(conn.channelsOf(consumer)).isNotEmpty();
          for (EdgeConnections.Channel ch : conn.channelsOf(consumer)) {
            assertThat(ch.subpartition()).isLessThan(conn.subpartitions(ch.producer()));
            assertThat(seen.add(ch.producer() + "/" + ch.subpartition())).isTrue();
            total++;
          }
        }
        int expected = 0;
        for (int producer = 0; producer < p; producer++) {
          expected += conn.subpartitions(producer);
        }
        assertThat(total).as("p=%d c=%d", p, c).isEqualTo(expected);
      }
    }
  }

  @Test
  void equalParallelismIsOneToOne() {
    EdgeConnections c = new EdgeConnections(4, 4, true);
    for (int i = 0; i < 4; i++) {
      assertThat(c.channelsOf(i)).containsExactly(new EdgeConnections.Channel(i, 0));
    }
  }
}
