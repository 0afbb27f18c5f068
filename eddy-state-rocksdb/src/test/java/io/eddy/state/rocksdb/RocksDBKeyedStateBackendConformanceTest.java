package io.eddy.state.rocksdb;

import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import io.eddy.testutils.conformance.KeyedStateBackendConformance;

/** The RocksDB backend, found by its name as a job would find it. */
class RocksDBKeyedStateBackendConformanceTest extends KeyedStateBackendConformance {
  @Override
  protected StateBackend stateBackend() {
    return StateBackends.named("rocksdb");
  }
}
