package io.eddy.runtime.state.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.runtime.checkpoint.StateFiles;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.snapshot.StateWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorStateBackendTest {
  private static final ListStateDescriptor<String> LIST =
      new ListStateDescriptor<>("offsets", Types.STRING);
  private static final ListStateDescriptor<Long> UNION =
      new ListStateDescriptor<>("watermarks", Types.LONG);
  private static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

  @TempDir Path dir;

  /** Old subtask i holds {@code lists.get(i)} in LIST and returns its snapshot. */
  private static List<StateWriter> snapshotLists(List<List<String>> lists) throws Exception {
    List<StateWriter> writers = new ArrayList<>();
    for (int i = 0; i < lists.size(); i++) {
      HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(i);
      backend.getListState(LIST).update(lists.get(i));
      writers.add(backend.snapshot());
    }
    return writers;
  }

  private static List<String> listOf(HeapOperatorStateBackend backend) throws Exception {
    List<String> out = new ArrayList<>();
    backend.getListState(LIST).get().forEach(out::add);
    return out;
  }

  private List<List<String>> restoreLists(List<StateWriter> writers, int parallelism)
      throws Exception {
    RestoredState restored = StateFiles.writeOperatorState(dir, writers);
    List<List<String>> lists = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      lists.add(listOf(HeapOperatorStateBackend.restore(restored, i, parallelism)));
    }
    return lists;
  }

  @Test
  void allKindsRoundTripThroughAFile() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    backend.getListState(LIST).update(List.of("a", "b"));
    backend.getUnionListState(UNION).add(7L);
    BroadcastState<String, Integer> rules = backend.getBroadcastState(RULES);
    rules.put("x", 1);
    rules.put("nothing", null);

    RestoredState restored = StateFiles.writeOperatorState(dir, List.of(backend.snapshot()));
    HeapOperatorStateBackend copy = HeapOperatorStateBackend.restore(restored, 0, 1);

    assertThat(copy.getListState(LIST).get()).containsExactly("a", "b");
    assertThat(copy.getUnionListState(UNION).get()).containsExactly(7L);
    BroadcastState<String, Integer> restoredRules = copy.getBroadcastState(RULES);
    assertThat(restoredRules.get("x")).isEqualTo(1);
    assertThat(restoredRules.contains("nothing")).isTrue();
    assertThat(restoredRules.get("nothing")).isNull();
    assertThat(copy.registeredStateNames()).containsExactly("offsets", "watermarks", "rules");
  }

  @Test
  void anEmptyBackendHasNoSnapshot() throws Exception {
    assertThat(HeapOperatorStateBackend.empty(0).snapshot()).isNull();
  }

  @Test
  void theSnapshotIsAFrozenCopy() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    ListState<String> list = backend.getListState(LIST);
    list.add("before");
    StateWriter writer = backend.snapshot();
    list.update(List.of("after", "checkpoint"));

    RestoredState restored = StateFiles.writeOperatorState(dir, List.of(writer));
    assertThat(listOf(HeapOperatorStateBackend.restore(restored, 0, 1))).containsExactly("before");
  }

  @Test
  void sameParallelismGivesEverySubtaskItsOwnList() throws Exception {
    List<List<String>> old = List.of(List.of("a0", "a1", "a2"), List.of("b0"), List.of());
    assertThat(restoreLists(snapshotLists(old), 3)).isEqualTo(old);
  }

  @Test
  void scalingUpDealsTheConcatenatedListsRoundRobin() throws Exception {
    // concatenation in old-subtask order: a0 a1 a2 b0 b1 -> element i to new subtask i % 3
    List<List<String>> old = List.of(List.of("a0", "a1", "a2"), List.of("b0", "b1"));
    assertThat(restoreLists(snapshotLists(old), 3))
        .containsExactly(List.of("a0", "b0"), List.of("a1", "b1"), List.of("a2"));
  }

  @Test
  void scalingDownDealsTheConcatenatedListsRoundRobin() throws Exception {
    List<List<String>> old = List.of(List.of("a0"), List.of("b0", "b1"), List.of("c0", "c1"));
    assertThat(restoreLists(snapshotLists(old), 2))
        .containsExactly(List.of("a0", "b1", "c1"), List.of("b0", "c0"));
  }

  @Test
  void everySubtaskGetsTheUnion() throws Exception {
    List<StateWriter> writers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(i);
      backend.getUnionListState(UNION).update(List.of(10L * i, 10L * i + 1));
      writers.add(backend.snapshot());
    }
    RestoredState restored = StateFiles.writeOperatorState(dir, writers);
    for (int i = 0; i < 3; i++) {
      assertThat(HeapOperatorStateBackend.restore(restored, i, 3).getUnionListState(UNION).get())
          .containsExactly(0L, 1L, 10L, 11L);
    }
  }

  @Test
  void everySubtaskGetsTheBroadcastStateOfOldSubtaskZero() throws Exception {
    List<StateWriter> writers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(i);
      backend.getBroadcastState(RULES).put("limit", 5);
      backend.getBroadcastState(RULES).put("written-by", i); // differs only to see whose it is
      writers.add(backend.snapshot());
    }
    RestoredState restored = StateFiles.writeOperatorState(dir, writers);
    for (int i = 0; i < 2; i++) {
      Map<String, Integer> copy = new HashMap<>();
      HeapOperatorStateBackend.restore(restored, i, 2)
          .getBroadcastState(RULES)
          .immutableEntries()
          .forEach(e -> copy.put(e.getKey(), e.getValue()));
      assertThat(copy).isEqualTo(Map.of("limit", 5, "written-by", 0));
    }
  }

  @Test
  void restoredStatesNotRegisteredAgainAreCarriedIntoTheNextSnapshot() throws Exception {
    List<StateWriter> writers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(i);
      backend.getListState(LIST).add("own-" + i);
      backend.getUnionListState(UNION).add((long) i);
      writers.add(backend.snapshot());
    }
    RestoredState first = StateFiles.writeOperatorState(dir.resolve("1"), writers);
    // Nothing is registered after the first restore: the next snapshot still holds it all.
    List<StateWriter> again = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      again.add(HeapOperatorStateBackend.restore(first, i, 2).snapshot());
    }
    RestoredState second = StateFiles.writeOperatorState(dir.resolve("2"), again);
    for (int i = 0; i < 2; i++) {
      HeapOperatorStateBackend backend = HeapOperatorStateBackend.restore(second, i, 2);
      assertThat(listOf(backend)).containsExactly("own-" + i);
      // the union is not multiplied by the parallelism
      assertThat(backend.getUnionListState(UNION).get()).containsExactly(0L, 1L);
    }
  }

  @Test
  void aStateIsOneKindOnly() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    assertThat(backend.getListState(LIST)).isSameAs(backend.getListState(LIST));
    assertThatThrownBy(
            () -> backend.getUnionListState(new ListStateDescriptor<>("offsets", Types.STRING)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'offsets' is registered as LIST");
  }

  @Test
  void restoringWithAnotherKindOrTypeFailsClearly() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    backend.getListState(LIST).add("x");
    RestoredState restored = StateFiles.writeOperatorState(dir, List.of(backend.snapshot()));

    assertThatThrownBy(
            () ->
                HeapOperatorStateBackend.restore(restored, 0, 1)
                    .getUnionListState(new ListStateDescriptor<>("offsets", Types.STRING)))
        .hasMessageContaining("'offsets' was snapshotted as LIST");
    assertThatThrownBy(
            () ->
                HeapOperatorStateBackend.restore(restored, 0, 1)
                    .getListState(new ListStateDescriptor<>("offsets", Types.LONG)))
        .hasMessageContaining("'offsets' was snapshotted as LIST of");
  }

  @Test
  void aDamagedFileIsReportedWithItsPath() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    backend.getListState(LIST).add("x");
    RestoredState restored = StateFiles.writeOperatorState(dir, List.of(backend.snapshot()));
    Path file = Path.of(restored.operatorStateFiles().get(0).file());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 6] ^= 1; // inside the payload
    Files.write(file, bytes);

    assertThatThrownBy(() -> HeapOperatorStateBackend.restore(restored, 0, 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void theFileStartsWithMagicAndVersion() throws Exception {
    HeapOperatorStateBackend backend = HeapOperatorStateBackend.empty(0);
    backend.getListState(LIST).add("x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    backend.snapshot().writeTo(out);
    byte[] bytes = out.toByteArray();
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("EDOS");
    assertThat(bytes[7]).isEqualTo((byte) OperatorStateFormat.VERSION);
  }
}
