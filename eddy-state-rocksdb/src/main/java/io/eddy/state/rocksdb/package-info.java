/**
 * The embedded RocksDB state backend ({@code rocksdb}): {@link
 * io.eddy.state.rocksdb.RocksDBStateBackend}, found by the runtime's {@code StateBackends} through
 * {@code ServiceLoader}, and its {@link io.eddy.state.rocksdb.RocksDBKeyedStateBackend}. Keyed
 * state lives in RocksDB on local disk, keyed by (key group, key, namespace); snapshots are written
 * in the canonical keyed state format that the heap backend reads too. Imports eddy-core and the
 * runtime's state SPI ({@code state}, {@code state.timers}, {@code state.ttl}), {@code snapshot},
 * {@code storage} and {@code keygroup}; of {@code state.heap} only its {@code NamespaceSerializer},
 * whose encoding of windows the canonical format uses.
 */
package io.eddy.state.rocksdb;
