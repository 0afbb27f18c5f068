package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.state.heap.HeapKeyedStateBackend;
import io.eddy.runtime.state.heap.HeapKeyedStateSnapshot;
import io.eddy.runtime.state.heap.HeapValueState;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running sums of {@code sum(pos)} ({@link TupleLongSum}, changed in place) in asynchronous
 * keyed snapshots: what the operator adds after the snapshot does not reach it.
 */
class AggregationStateSnapshotTest {
  private static final TypeSerializer<String> KEYS =
      TypeInformation.of(String.class).createSerializer();

  @TempDir Path dir;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AggregationStateSerializer<Tuple2<String, Long>> serializer() {
    TypeSerializer tuples = Types.TUPLE(Types.STRING, Types.LONG).createSerializer();
    return new AggregationStateSerializer<>(tuples, 1);
  }

  private static HeapKeyedStateBackend<String> backend() {
    return new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, KEYS);
  }

  @Test
  void sumsChangedInPlaceAfterTheSnapshotAreCopiedFirst() throws Exception {
    assertThat(serializer().isImmutableType()).isFalse();
    HeapKeyedStateBackend<String> backend = backend();
    HeapValueState<String, Object> state = backend.getValueState("_aggregate", serializer());
    for (int k = 0; k < 100; k++) {
      backend.setCurrentKey("k" + k);
      state.update(new TupleLongSum(Tuple2.of("k" + k, (long) k), 1));
    }
    HeapKeyedStateSnapshot snapshot = backend.snapshot(Map.of());
    for (int k = 0; k < 100; k++) {
      backend.setCurrentKey("k" + k);
      TupleLongSum sum = (TupleLongSum) state.value();
      sum.add(1_000); // in place, as KeyedAggregationOperator does, without storing again
    }
    Path file = dir.resolve("sums");
    try (OutputStream out = Files.newOutputStream(file)) {
      snapshot.writeTo(out);
    }

    HeapKeyedStateBackend<String> restored = backend();
    restored.restore(List.of(file.toString()));
    HeapValueState<String, Object> restoredState =
        restored.getValueState("_aggregate", serializer());
    for (int k = 0; k < 100; k++) {
      restored.setCurrentKey("k" + k);
      backend.setCurrentKey("k" + k);
      assertThat(((TupleLongSum) restoredState.value()).current())
          .isEqualTo(Tuple2.of("k" + k, (long) k));
      assertThat(((TupleLongSum) state.value()).current())
          .isEqualTo(Tuple2.of("k" + k, k + 1_000L));
    }
  }

  @Test
  void aCopyOfASumSharesNothingWithIt() {
    TupleLongSum sum = new TupleLongSum(Tuple2.of("k", 1L), 1);
    Object copy = serializer().copy(sum);
    assertThat(copy).isInstanceOf(TupleLongSum.class).isNotSameAs(sum);
    sum.add(5);
    Tuple current = ((TupleLongSum) copy).current();
    assertThat(current).isEqualTo(Tuple2.of("k", 1L));
    assertThat(serializer().copy(Tuple2.of("x", 2L))).isEqualTo(Tuple2.of("x", 2L));
  }
}
