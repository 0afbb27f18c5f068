package io.eddy.runtime.state;

/**
 * The canonical binary format of a keyed state snapshot file, version 2, which every state backend
 * writes (the heap backend's {@code HeapKeyedStateSnapshot}, RocksDB's full snapshot) and reads
 * through {@link KeyedSnapshotReader}, so a snapshot of one backend restores into another. All
 * integers are big-endian; "varint" is {@code DataOutputView.writeVarInt}, "string" is {@code
 * DataOutputView.writeString}.
 *
 * <pre>
 * file      := magic:int(0x45444B53 "EDKS") version:int(2) headerLength:int header index block*
 * header    := maxParallelism:int rangeStart:int rangeEnd:int
 *              keySerializerClass:string namespaceSerializerClass:string ("" if none)
 *              stateCount:int stateMeta* timerQueueCount:int timerQueueName:string*
 * stateMeta := name:string kind:byte (StateDescriptor.Type ordinal) ttl:boolean
 *              valueSerializerClass:string mapKeySerializerClass:string ("" unless MAP)
 * index     := one entry per key group rangeStart..rangeEnd, in order:
 *              offset:long (from the start of the file) length:int crc32:int (of the block)
 * block     := for each state, in header order: sectionLength:int stateSection
 *              for each timer queue, in header order: sectionLength:int timerSection
 * stateSection := entryCount:varint entry*
 * timerSection := timerCount:varint timer*
 * timer     := timestamp:long key hasNamespace:boolean [namespace]
 * entry     := key (key serializer) hasNamespace:boolean [namespace (namespace serializer)]
 *              value
 * value     := VALUE, REDUCING, AGGREGATING: element
 *              LIST: elementCount:varint element*
 *              MAP:  entryCount:varint (userKey (map key serializer) element)*
 * element   := [timestamp:long, only if ttl] isNull:boolean [data (value serializer)]
 * </pre>
 *
 * <p>The index lets a restore read only the blocks of the key groups it owns. The section lengths
 * (new in version 2) let it cut a block into per-state sections without deserializing them: a state
 * is decoded only when an operator registers it (its serializers come with its descriptor), and a
 * section nobody registered can be copied as is into the next snapshot. Serializers are recorded by
 * class name only, to detect a restore with different types; their own configuration is not
 * recorded yet.
 */
public final class KeyedStateSnapshotFormat {
  public static final int MAGIC = 0x45444B53;
  public static final int VERSION = 2;

  /** Bytes of the fixed prefix: magic, version, header length. */
  public static final int PREFIX_BYTES = 12;

  /** Bytes of one index entry: offset, length, crc32. */
  public static final int INDEX_ENTRY_BYTES = 16;

  /** A section without entries (entry or timer count 0). */
  public static final byte[] EMPTY_SECTION = {0};

  /**
   * The namespace serializer every backend names in the header: the heap backend's, whose format
   * the others write too (named as a string: only the heap package may name the class).
   */
  public static final String NAMESPACE_SERIALIZER =
      "io.eddy.runtime.state.heap.NamespaceSerializer";

  private KeyedStateSnapshotFormat() {}
}
