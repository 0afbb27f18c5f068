package io.eddy.core.internal.types.serializers;

import io.eddy.api.java.tuple.Tuple1;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.api.java.tuple.Tuple4;
import io.eddy.api.java.tuple.Tuple5;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-byte tags of {@link DynamicSerializer}. These values are part of the wire format: never
 * renumber them, only append.
 */
final class DynamicTags {
  static final int NULL = 0;
  static final int LONG = 1;
  static final int INT = 2;
  static final int SHORT = 3;
  static final int BYTE = 4;
  static final int DOUBLE = 5;
  static final int FLOAT = 6;
  static final int BOOLEAN = 7;
  static final int CHAR = 8;
  static final int STRING = 9;
  static final int BYTES = 10;
  static final int TUPLE1 = 11; // TUPLE1 + arity - 1 for Tuple1..Tuple5
  static final int TUPLE5 = 15;
  static final int LIST = 16;
  static final int MAP = 17;

  /** Followed by the class name, then the value written by that class's serializer. */
  static final int CLASS = 18;

  private static final ClassValue<Integer> TAGS =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          return tagOf(type);
        }
      };

  private DynamicTags() {}

  /** The tag for non-null values of {@code type}. */
  static int forClass(Class<?> type) {
    // The classes most streams carry, without the class-value lookup.
    if (type == String.class) return STRING;
    if (type == Long.class) return LONG;
    if (type == Integer.class) return INT;
    if (type == Tuple2.class) return TUPLE1 + 1;
    return TAGS.get(type);
  }

  private static int tagOf(Class<?> type) {
    if (type == Long.class) return LONG;
    if (type == Integer.class) return INT;
    if (type == Short.class) return SHORT;
    if (type == Byte.class) return BYTE;
    if (type == Double.class) return DOUBLE;
    if (type == Float.class) return FLOAT;
    if (type == Boolean.class) return BOOLEAN;
    if (type == Character.class) return CHAR;
    if (type == String.class) return STRING;
    if (type == byte[].class) return BYTES;
    if (type == Tuple1.class) return TUPLE1;
    if (type == Tuple2.class) return TUPLE1 + 1;
    if (type == Tuple3.class) return TUPLE1 + 2;
    if (type == Tuple4.class) return TUPLE1 + 3;
    if (type == Tuple5.class) return TUPLE5;
    if (type == ArrayList.class || isHiddenJdkImplementation(type, List.class)) return LIST;
    if (type == HashMap.class
        || type == LinkedHashMap.class
        || isHiddenJdkImplementation(type, Map.class)) return MAP;
    return CLASS;
  }

  /**
   * JDK implementations users cannot name ({@code List.of}, {@code Arrays.asList}, unmodifiable
   * views): code can only rely on the interface, so reading back an ArrayList/LinkedHashMap is
   * safe.
   */
  private static boolean isHiddenJdkImplementation(Class<?> type, Class<?> collection) {
    return collection.isAssignableFrom(type)
        && type.getName().startsWith("java.util.")
        && !Modifier.isPublic(type.getModifiers());
  }
}
