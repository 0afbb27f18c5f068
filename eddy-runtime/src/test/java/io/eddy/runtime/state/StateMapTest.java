package io.eddy.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StateMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomOperations() {
    SplittableRandom random = new SplittableRandom(7);
    StateMap<Integer, Integer> map = new StateMap<>();
    Map<Integer, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // few distinct keys with colliding low bits, so probe runs and deletions interleave
      Integer key = random.nextInt(500) * 1024;
      int op = random.nextInt(10);
      if (op < 5) {
        assertThat(map.get(key, key.hashCode())).isEqualTo(oracle.get(key));
      } else if (op < 8) {
        Integer before = map.get(key, key.hashCode());
        assertThat(before).isEqualTo(oracle.get(key));
        map.put(key, key.hashCode(), i); // the write that follows a read of the same key
        oracle.put(key, i);
      } else {
        map.remove(key, key.hashCode());
        oracle.remove(key);
      }
      assertThat(map.size()).isEqualTo(oracle.size());
    }
    Map<Integer, Integer> all = new HashMap<>();
    map.forEach(all::put);
    assertThat(all).isEqualTo(oracle);
  }

  @Test
  void putWithoutAPrecedingGetFindsTheRightSlot() {
    StateMap<String, String> map = new StateMap<>();
    map.get("a", "a".hashCode());
    map.put("b", "b".hashCode(), "B"); // another key than the last read
    assertThat(map.get("a", "a".hashCode())).isNull();
    assertThat(map.get("b", "b".hashCode())).isEqualTo("B");
  }
}
