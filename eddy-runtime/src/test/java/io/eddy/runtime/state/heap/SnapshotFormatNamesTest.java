package io.eddy.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.state.KeyedStateSnapshotFormat;
import org.junit.jupiter.api.Test;

/** The canonical format names the heap's namespace serializer by a string every backend writes. */
class SnapshotFormatNamesTest {
  @Test
  void theNamedNamespaceSerializerIsTheHeapBackends() {
    assertThat(KeyedStateSnapshotFormat.NAMESPACE_SERIALIZER)
        .isEqualTo(NamespaceSerializer.class.getName());
  }
}
