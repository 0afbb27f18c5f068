package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.internal.types.DynamicTypeInfo;
import io.eddy.core.internal.types.TypeExtractor;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes values whose type is only known at run time, null included. Each value starts with a
 * one-byte tag ({@link DynamicTags}): basic types, {@code byte[]}, tuples, lists and maps have
 * fixed tags, and the fields, elements and entries of the latter are written dynamically again. Any
 * other class is written as a tag, its name, and the value in the format of the serializer {@link
 * TypeExtractor#forClass} gives that class. Lists read back as {@link ArrayList}, maps as {@link
 * LinkedHashMap}.
 *
 * <p>Per-class serializers are cached in the instance, so instances are not shared: {@link
 * #duplicate()} returns a new one.
 */
public final class DynamicSerializer extends TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private transient Map<Class<?>, TypeSerializer<Object>> writers;
  private transient Map<String, TypeSerializer<Object>> readers;

  public DynamicSerializer() {
    init();
  }

  private void init() {
    writers = new HashMap<>();
    readers = new HashMap<>();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void serialize(Object value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(DynamicTags.NULL);
      return;
    }
    Class<?> type = value.getClass();
    int tag = DynamicTags.forClass(type);
    out.writeByte(tag);
    switch (tag) {
      case DynamicTags.LONG -> out.writeLong((Long) value);
      case DynamicTags.INT -> out.writeInt((Integer) value);
      case DynamicTags.SHORT -> out.writeShort((Short) value);
      case DynamicTags.BYTE -> out.writeByte((Byte) value);
      case DynamicTags.DOUBLE -> out.writeDouble((Double) value);
      case DynamicTags.FLOAT -> out.writeFloat((Float) value);
      case DynamicTags.BOOLEAN -> out.writeBoolean((Boolean) value);
      case DynamicTags.CHAR -> out.writeChar((Character) value);
      case DynamicTags.STRING -> out.writeString((String) value);
      case DynamicTags.BYTES ->
          BytePrimitiveArraySerializer.INSTANCE.serialize((byte[]) value, out);
      case DynamicTags.LIST -> writeList((List<Object>) value, out);
      case DynamicTags.MAP -> writeMap((Map<Object, Object>) value, out);
      case DynamicTags.CLASS -> {
        out.writeString(type.getName());
        writerFor(type).serialize(value, out);
      }
      default -> writeTuple((Tuple) value, out);
    }
  }

  private void writeTuple(Tuple tuple, DataOutputView out) throws IOException {
    for (int i = 0, arity = tuple.getArity(); i < arity; i++) {
      serialize(tuple.getField(i), out);
    }
  }

  private void writeList(List<Object> list, DataOutputView out) throws IOException {
    out.writeVarInt(list.size());
    for (Object element : list) {
      serialize(element, out);
    }
  }

  private void writeMap(Map<Object, Object> map, DataOutputView out) throws IOException {
    out.writeVarInt(map.size());
    for (Map.Entry<Object, Object> entry : map.entrySet()) {
      serialize(entry.getKey(), out);
      serialize(entry.getValue(), out);
    }
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case DynamicTags.NULL -> null;
      case DynamicTags.LONG -> in.readLong();
      case DynamicTags.INT -> in.readInt();
      case DynamicTags.SHORT -> in.readShort();
      case DynamicTags.BYTE -> in.readByte();
      case DynamicTags.DOUBLE -> in.readDouble();
      case DynamicTags.FLOAT -> in.readFloat();
      case DynamicTags.BOOLEAN -> in.readBoolean();
      case DynamicTags.CHAR -> in.readChar();
      case DynamicTags.STRING -> in.readString();
      case DynamicTags.BYTES -> BytePrimitiveArraySerializer.INSTANCE.deserialize(in);
      case DynamicTags.LIST -> readList(in);
      case DynamicTags.MAP -> readMap(in);
      case DynamicTags.CLASS -> readerFor(in.readString()).deserialize(in);
      default -> {
        if (tag < DynamicTags.TUPLE1 || tag > DynamicTags.TUPLE5) {
          throw new StreamCorruptedException("Unknown dynamic type tag " + tag);
        }
        yield readTuple(tag - DynamicTags.TUPLE1 + 1, in);
      }
    };
  }

  private Tuple readTuple(int arity, DataInputView in) throws IOException {
    Tuple tuple = Tuple.newInstance(arity);
    for (int i = 0; i < arity; i++) {
      tuple.setField(deserialize(in), i);
    }
    return tuple;
  }

  private List<Object> readList(DataInputView in) throws IOException {
    int size = in.readVarInt();
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(deserialize(in));
    }
    return list;
  }

  private Map<Object, Object> readMap(DataInputView in) throws IOException {
    int size = in.readVarInt();
    Map<Object, Object> map = new LinkedHashMap<>((int) (size / 0.75f) + 1);
    for (int i = 0; i < size; i++) {
      Object key = deserialize(in);
      map.put(key, deserialize(in));
    }
    return map;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object copy(Object value) {
    if (value == null) {
      return null;
    }
    Class<?> type = value.getClass();
    return switch (DynamicTags.forClass(type)) {
      case DynamicTags.BYTES -> ((byte[]) value).clone();
      case DynamicTags.LIST -> copyList((List<Object>) value);
      case DynamicTags.MAP -> copyMap((Map<Object, Object>) value);
      case DynamicTags.CLASS -> writerFor(type).copy(value);
      case DynamicTags.TUPLE1,
          DynamicTags.TUPLE1 + 1,
          DynamicTags.TUPLE1 + 2,
          DynamicTags.TUPLE1 + 3,
          DynamicTags.TUPLE5 ->
          copyTuple((Tuple) value);
      default -> value; // immutable basic types
    };
  }

  private Tuple copyTuple(Tuple tuple) {
    Tuple copy = tuple.copy();
    for (int i = 0, arity = tuple.getArity(); i < arity; i++) {
      copy.setField(copy(tuple.getField(i)), i);
    }
    return copy;
  }

  private List<Object> copyList(List<Object> list) {
    List<Object> copy = new ArrayList<>(list.size());
    for (Object element : list) {
      copy.add(copy(element));
    }
    return copy;
  }

  private Map<Object, Object> copyMap(Map<Object, Object> map) {
    Map<Object, Object> copy = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
    for (Map.Entry<Object, Object> entry : map.entrySet()) {
      copy.put(copy(entry.getKey()), copy(entry.getValue()));
    }
    return copy;
  }

  private TypeSerializer<Object> writerFor(Class<?> type) {
    TypeSerializer<Object> serializer = writers.get(type);
    if (serializer == null) {
      serializer = createSerializer(type);
      writers.put(type, serializer);
    }
    return serializer;
  }

  private TypeSerializer<Object> readerFor(String className) throws IOException {
    TypeSerializer<Object> serializer = readers.get(className);
    if (serializer == null) {
      serializer = createSerializer(loadClass(className));
      readers.put(className, serializer);
    }
    return serializer;
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> createSerializer(Class<?> type) {
    TypeInformation<?> info = TypeExtractor.forClass(type);
    if (info instanceof DynamicTypeInfo) { // a concrete class the extractor found too general
      return new KryoSerializer<>((Class<Object>) type);
    }
    return (TypeSerializer<Object>) info.createSerializer();
  }

  private Class<?> loadClass(String className) throws IOException {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      try {
        return Class.forName(className, false, context);
      } catch (ClassNotFoundException e) {
        // fall back to the loader of Eddy itself
      }
    }
    try {
      return Class.forName(className, false, DynamicSerializer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new StreamCorruptedException("Cannot load class " + className + " of a dynamic value");
    }
  }

  @Override
  public boolean acceptsNull() {
    return true;
  }

  @Override
  public TypeSerializer<Object> duplicate() {
    return new DynamicSerializer();
  }
}
