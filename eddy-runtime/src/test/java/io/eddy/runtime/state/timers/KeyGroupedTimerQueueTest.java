package io.eddy.runtime.state.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeyGroupedTimerQueueTest {

  @Test
  void deduplicatesPerKeyAndTimestampAndKeepsTimersPerKeyGroup() {
    KeyGroupedTimerQueue<String> q = new KeyGroupedTimerQueue<>(4);
    assertThat(q.add(10, "a", 1)).isTrue();
    assertThat(q.add(10, "a", 1)).isFalse();
    assertThat(q.add(10, "b", 2)).isTrue();
    assertThat(q.add(5, "a", 1)).isTrue();
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.timersOfKeyGroup(1))
        .extracting(InternalTimer::getTimestamp)
        .containsExactlyInAnyOrder(5L, 10L);
    assertThat(q.timersOfKeyGroup(3)).isEmpty();
    assertThat(q.remove(10, "a", 1)).isTrue();
    assertThat(q.remove(10, "a", 1)).isFalse();
    assertThat(q.poll().getTimestamp()).isEqualTo(5);
    assertThat(q.poll().getKey()).isEqualTo("b");
    assertThat(q.poll()).isNull();
    assertThat(q.timersOfKeyGroup(1)).isEmpty();
  }

  @Test
  void timersOfDifferentNamespacesAreDifferentTimers() {
    KeyGroupedTimerQueue<String> q = new KeyGroupedTimerQueue<>(4);
    assertThat(q.add(10, "a", "w1", 1)).isTrue();
    assertThat(q.add(10, "a", "w2", 1)).isTrue();
    assertThat(q.add(10, "a", "w1", 1)).isFalse();
    assertThat(q.add(10, "a", 1)).isTrue(); // no namespace
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.remove(10, "a", "w1", 1)).isTrue();
    assertThat(q.remove(10, "a", "w1", 1)).isFalse();
    List<Object> namespaces = new ArrayList<>();
    InternalTimer<String> timer;
    while ((timer = q.poll()) != null) {
      namespaces.add(timer.getNamespace());
    }
    assertThat(namespaces).containsExactlyInAnyOrder("w2", null);
  }

  @Test
  void pollsInTimestampOrderAfterRandomAddsAndRemoves() {
    Random random = new Random(42);
    KeyGroupedTimerQueue<Integer> q = new KeyGroupedTimerQueue<>(8);
    TreeSet<Long> expected = new TreeSet<>();
    for (int i = 0; i < 2_000; i++) {
      long ts = random.nextInt(500);
      int key = (int) ts % 8; // one key per key group, unique per timestamp
      if (random.nextInt(3) == 0) {
        assertThat(q.remove(ts, key, key)).isEqualTo(expected.remove(ts));
      } else {
        assertThat(q.add(ts, key, key)).isEqualTo(expected.add(ts));
      }
    }
    List<Long> polled = new ArrayList<>();
    InternalTimer<Integer> t;
    while ((t = q.poll()) != null) {
      polled.add(t.getTimestamp());
    }
    assertThat(polled).containsExactlyElementsOf(expected);
  }
}
