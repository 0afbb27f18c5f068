package io.eddy.runtime.state.heap;

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

  @Test
  void sharedValuesAreCopiedOnceWhereverGrowthOrRemovalsMoveThemAndFreshOnesNever() {
    SnapshotVersions versions = new SnapshotVersions();
    StateMap<Integer, int[]> map = new StateMap<>(v -> ((int[]) v).clone(), versions);
    for (int i = 0; i < 10; i++) {
      map.put(i, Integer.hashCode(i), new int[] {i});
    }
    int version = versions.start();
    StateMap.Frozen frozen = map.freeze(version);
    for (int i = 10; i < 200; i++) { // grows the map several times
      map.put(i, Integer.hashCode(i), new int[] {i});
    }
    for (int i = 0; i < 200; i += 3) { // backward shifts move entries of probe runs
      map.remove(i, Integer.hashCode(i));
    }
    int shared = 0;
    for (int i = 0; i < 200; i++) {
      if (i % 3 == 0) {
        assertThat(map.get(i, Integer.hashCode(i))).isNull();
        continue;
      }
      shared += i < 10 ? 1 : 0;
      int[] value = map.get(i, Integer.hashCode(i));
      value[0] += 1_000;
      assertThat(map.get(i, Integer.hashCode(i))).isSameAs(value).containsExactly(i + 1_000);
    }
    assertThat(map.copies()).isEqualTo(shared);
    int frozenValues = 0;
    for (Object value : frozen.values()) {
      if (value != null) {
        frozenValues++;
        assertThat(((int[]) value)[0]).isLessThan(10); // the snapshot's values never changed
      }
    }
    assertThat(frozenValues).isEqualTo(10);

    versions.release(version);
    map.freeze(versions.start()); // a snapshot abandoned at once
    versions.release(2);
    for (int i = 1; i < 200; i += 3) {
      map.get(i, Integer.hashCode(i))[0]++;
    }
    assertThat(map.copies()).isEqualTo(shared);
  }

  @Test
  void mapsWithoutCopierNeverCopy() {
    SnapshotVersions versions = new SnapshotVersions();
    StateMap<Integer, String> map = new StateMap<>(null, versions);
    map.put(1, 1, "a");
    map.freeze(versions.start());
    assertThat(map.get(1, 1)).isEqualTo("a");
    assertThat(map.copies()).isZero();
  }

  @Test
  void entriesShiftedBackIntoAHoleKeepTheirVersion() {
    SnapshotVersions versions = new SnapshotVersions();
    StateMap<Integer, int[]> map = new StateMap<>(v -> ((int[]) v).clone(), versions);
    for (int i = 0; i < 5; i++) {
      map.put(i, 42, new int[] {i}); // one probe run: all keys have the same hash
    }
    map.freeze(versions.start());
    for (int i = 5; i < 10; i++) {
      map.put(i, 42, new int[] {i});
    }
    map.remove(0, 42); // every later entry of the run moves back one slot
    for (int i = 1; i < 10; i++) {
      assertThat(map.get(i, 42)).containsExactly(i);
    }
    assertThat(map.copies()).isEqualTo(4); // the shared ones only
  }
}
