package io.eddy.state.rocksdb;

/**
 * The canonical keyed state snapshot format (version 2), which the heap backend writes and reads
 * too (its {@code KeyedStateSnapshotFormat} documents it), so that a snapshot of either backend
 * restores into the other. In short, all integers big-endian:
 *
 * <pre>
 * file      := magic:int(0x45444B53) version:int(2) headerLength:int header index block*
 * header    := maxParallelism:int rangeStart:int rangeEnd:int keySerializerClass:string
 *              namespaceSerializerClass:string stateCount:int stateMeta* queueCount:int name*
 * index     := per key group of the range: offset:long length:int crc32:int
 * block     := per state, then per timer queue: sectionLength:int section
 * </pre>
 *
 * A state section is {@code entryCount:varint (key hasNamespace [namespace] value)*}, a timer
 * section {@code count:varint (timestamp:long key hasNamespace [namespace])*}; values are as in
 * {@link Elements} (lists and maps prefixed by their size). This backend keeps its rows in the same
 * encoding, so writing a snapshot copies bytes and deserializes nothing.
 */
final class SnapshotFormat {
  static final int MAGIC = 0x45444B53;
  static final int VERSION = 2;
  static final int PREFIX_BYTES = 12;
  static final int INDEX_ENTRY_BYTES = 16;
  static final byte[] EMPTY_SECTION = {0};

  /**
   * The namespace serializer every snapshot names: the heap backend's, whose encoding of windows
   * this backend uses for its namespaces too.
   */
  static final String NAMESPACE_SERIALIZER = "io.eddy.runtime.state.heap.NamespaceSerializer";

  private SnapshotFormat() {}
}
