package io.eddy.testutils.conformance;

import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;

/** The heap backend, found by its name as a job would find it. */
class HeapKeyedStateBackendConformanceTest extends KeyedStateBackendConformance {
  @Override
  protected StateBackend stateBackend() {
    return StateBackends.named("heap");
  }
}
