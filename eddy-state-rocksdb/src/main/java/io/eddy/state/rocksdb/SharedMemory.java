package io.eddy.state.rocksdb;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * The native memory every RocksDB instance of one {@link RocksDBStateBackend} shares: one block
 * cache, and a write buffer manager that charges the memtables to the same cache, so blocks,
 * indexes, filters and write buffers together stay within the managed memory budget (RocksDB may
 * exceed it briefly while a memtable is flushed). Created with the first keyed backend, never
 * closed: it lives as long as the TaskManager's state backend.
 */
final class SharedMemory {
  /** Fraction of the budget the write buffers may use. */
  private static final double WRITE_BUFFER_RATIO = 0.5;

  /** Fraction of the cache kept for index and filter blocks. */
  private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

  final long budgetBytes;
  final Cache cache;
  final WriteBufferManager writeBufferManager;

  SharedMemory(long budgetBytes) {
    this.budgetBytes = budgetBytes;
    this.cache = new LRUCache(budgetBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
    this.writeBufferManager =
        new WriteBufferManager((long) (budgetBytes * WRITE_BUFFER_RATIO), cache, true);
  }
}
