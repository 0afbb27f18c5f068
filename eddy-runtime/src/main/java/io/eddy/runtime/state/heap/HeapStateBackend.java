package io.eddy.runtime.state.heap;

import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.RestoredState;
import io.eddy.runtime.state.KeyedStateBackend;
import io.eddy.runtime.state.OperatorStateBackend;
import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.operator.HeapOperatorStateBackend;
import java.io.IOException;

/** State on the JVM heap (the default): fast, bounded by memory, snapshots copy on write. */
public final class HeapStateBackend implements StateBackend {
  public static final String NAME = "heap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyGroupRange keyGroups, int maxParallelism, TypeSerializer<K> keySerializer) {
    return new HeapKeyedStateBackend<>(keyGroups, maxParallelism, keySerializer);
  }

  @Override
  public OperatorStateBackend createOperatorStateBackend(
      RestoredState restored, int subtaskIndex, int parallelism) throws IOException {
    return restored.operatorStateFiles().isEmpty()
        ? HeapOperatorStateBackend.empty(subtaskIndex)
        : HeapOperatorStateBackend.restore(restored, subtaskIndex, parallelism);
  }
}
