package io.eddy.api.common.typeinfo;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.internal.types.BasicTypeInfo;
import io.eddy.core.internal.types.EnumTypeInfo;
import io.eddy.core.internal.types.GenericTypeInfo;
import io.eddy.core.internal.types.ListTypeInfo;
import io.eddy.core.internal.types.MapTypeInfo;
import io.eddy.core.internal.types.ObjectArrayTypeInfo;
import io.eddy.core.internal.types.PojoTypeInfo;
import io.eddy.core.internal.types.PrimitiveArrayTypeInfo;
import io.eddy.core.internal.types.RecordTypeInfo;
import io.eddy.core.internal.types.TupleTypeInfo;
import io.eddy.core.internal.types.TypeExtractor;
import io.eddy.core.internal.types.reflect.PojoAnalysis;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;

/**
 * Ready-made {@link TypeInformation}s, for {@code returns(...)} and other places where a type is
 * declared explicitly: {@code Types.TUPLE(Types.STRING, Types.LONG)}.
 */
@PublicEvolving
public final class Types {

  /** {@link String}, never null. */
  public static final TypeInformation<String> STRING = BasicTypeInfo.STRING;

  /** {@link Long} / {@code long}. */
  public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG;

  /** {@link Integer} / {@code int}. */
  public static final TypeInformation<Integer> INT = BasicTypeInfo.INT;

  /** {@link Short} / {@code short}. */
  public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT;

  /** {@link Byte} / {@code byte}. */
  public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE;

  /** {@link Double} / {@code double}. */
  public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE;

  /** {@link Float} / {@code float}. */
  public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT;

  /** {@link Boolean} / {@code boolean}. */
  public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN;

  /** {@link Character} / {@code char}. */
  public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR;

  private Types() {}

  /** A {@code Tuple1}..{@code Tuple5} with the given field types; fields may be null. */
  public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... fieldTypes) {
    return new TupleTypeInfo<>(fieldTypes);
  }

  /**
   * A {@link List} (read back as {@code ArrayList}) of {@code elementType}; elements may be null.
   */
  public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
    return new ListTypeInfo<>(elementType);
  }

  /** A {@link Map} (read back as {@code LinkedHashMap}); keys and values may be null. */
  public static <K, V> TypeInformation<Map<K, V>> MAP(
      TypeInformation<K> keyType, TypeInformation<V> valueType) {
    return new MapTypeInfo<>(keyType, valueType);
  }

  /** A POJO, field types analysed from the class; IllegalArgumentException if it is no POJO. */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
    TypeInformation<T> type = TypeExtractor.forClass(pojoClass);
    if (!(type instanceof PojoTypeInfo)) {
      String problem = PojoAnalysis.of(pojoClass).problem();
      throw new IllegalArgumentException(
          pojoClass.getName() + " is not a POJO: " + (problem != null ? problem : "it is " + type));
    }
    return type;
  }

  /** A Java record, component types analysed from the class. */
  public static <R extends Record> TypeInformation<R> RECORD(Class<R> recordClass) {
    TypeInformation<R> type = TypeExtractor.forClass(recordClass);
    if (!(type instanceof RecordTypeInfo)) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    return type;
  }

  /** An enum, serialized by ordinal. */
  public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
    return new EnumTypeInfo<>(enumClass);
  }

  /** Any class through the slow generic (Kryo) serializer; prefer records or POJOs. */
  public static <T> TypeInformation<T> GENERIC(Class<T> typeClass) {
    return new GenericTypeInfo<>(typeClass);
  }

  /** An array of objects of {@code elementType}; elements may be null. */
  public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
    return new ObjectArrayTypeInfo<>(elementType);
  }

  /**
   * An array of primitives, given the element's basic type: {@code PRIMITIVE_ARRAY(Types.INT)} is
   * {@code int[]}.
   */
  public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
    Class<?> primitive = primitiveOf(elementType.getTypeClass());
    if (primitive == null) {
      throw new IllegalArgumentException("No primitive array of " + elementType);
    }
    return PrimitiveArrayTypeInfo.forClass(primitive.arrayType());
  }

  private static Class<?> primitiveOf(Class<?> box) {
    Class<?> unwrapped = MethodType.methodType(box).unwrap().returnType();
    return unwrapped.isPrimitive() && unwrapped != void.class ? unwrapped : null;
  }
}
