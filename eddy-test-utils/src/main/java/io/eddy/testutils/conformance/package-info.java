/**
 * Conformance suites for the runtime's SPIs, as abstract JUnit classes a new implementation
 * extends: {@link io.eddy.testutils.conformance.KeyedStateBackendConformance} for a {@code
 * StateBackend} (state per key, snapshot and restore through real checkpoint storage, rescaling,
 * timers, a snapshot that is the state when taken) and {@link
 * io.eddy.testutils.conformance.CheckpointStorageConformance} for a checkpoint storage reached by
 * its location's scheme (completion by metadata, state files read back at their locations,
 * retention, clean-up, savepoints). The heap backend and the file-system storage run them in this
 * module's tests; RocksDB, HDFS and S3 are meant to.
 */
package io.eddy.testutils.conformance;
