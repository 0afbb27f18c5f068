package io.eddy.runtime.state.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerSetTest {

  @Test
  void behavesLikeASetUnderRandomAddsAndRemoves() {
    SplittableRandom random = new SplittableRandom(3);
    TimerSet<Long> set = new TimerSet<>();
    Set<String> oracle = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long ts = random.nextInt(40) * 1000L;
      Long key = (long) random.nextInt(30);
      String ns = random.nextBoolean() ? null : "w" + random.nextInt(3);
      String id = ts + "/" + key + "/" + ns;
      int hash = TimerSet.hash(ts, key, ns);
      if (random.nextInt(3) < 2) {
        boolean added = set.addIfAbsent(ts, key, ns, hash, 0) != null;
        assertThat(added).isEqualTo(oracle.add(id));
      } else {
        boolean removed = set.remove(ts, key, ns, hash) != null;
        assertThat(removed).isEqualTo(oracle.remove(id));
      }
      assertThat(set.size()).isEqualTo(oracle.size());
    }
    for (InternalTimer<Long> t : set.all()) {
      assertThat(oracle).contains(t.getTimestamp() + "/" + t.getKey() + "/" + t.getNamespace());
      set.remove(t);
    }
    assertThat(set.size()).isZero();
  }
}
