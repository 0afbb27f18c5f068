package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.BooleanSerializer;
import io.eddy.core.internal.types.serializers.ByteSerializer;
import io.eddy.core.internal.types.serializers.CharSerializer;
import io.eddy.core.internal.types.serializers.DoubleSerializer;
import io.eddy.core.internal.types.serializers.FloatSerializer;
import io.eddy.core.internal.types.serializers.IntSerializer;
import io.eddy.core.internal.types.serializers.LongSerializer;
import io.eddy.core.internal.types.serializers.ShortSerializer;
import io.eddy.core.internal.types.serializers.StringSerializer;
import java.util.Map;

/** The boxed primitives and {@link String}: immutable, non-null single values. */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  public static final BasicTypeInfo<String> STRING =
      new BasicTypeInfo<>(String.class, StringSerializer.INSTANCE);
  public static final BasicTypeInfo<Long> LONG =
      new BasicTypeInfo<>(Long.class, LongSerializer.INSTANCE);
  public static final BasicTypeInfo<Integer> INT =
      new BasicTypeInfo<>(Integer.class, IntSerializer.INSTANCE);
  public static final BasicTypeInfo<Short> SHORT =
      new BasicTypeInfo<>(Short.class, ShortSerializer.INSTANCE);
  public static final BasicTypeInfo<Byte> BYTE =
      new BasicTypeInfo<>(Byte.class, ByteSerializer.INSTANCE);
  public static final BasicTypeInfo<Double> DOUBLE =
      new BasicTypeInfo<>(Double.class, DoubleSerializer.INSTANCE);
  public static final BasicTypeInfo<Float> FLOAT =
      new BasicTypeInfo<>(Float.class, FloatSerializer.INSTANCE);
  public static final BasicTypeInfo<Boolean> BOOLEAN =
      new BasicTypeInfo<>(Boolean.class, BooleanSerializer.INSTANCE);
  public static final BasicTypeInfo<Character> CHAR =
      new BasicTypeInfo<>(Character.class, CharSerializer.INSTANCE);

  private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS =
      Map.ofEntries(
          Map.entry(String.class, STRING),
          Map.entry(Long.class, LONG),
          Map.entry(long.class, LONG),
          Map.entry(Integer.class, INT),
          Map.entry(int.class, INT),
          Map.entry(Short.class, SHORT),
          Map.entry(short.class, SHORT),
          Map.entry(Byte.class, BYTE),
          Map.entry(byte.class, BYTE),
          Map.entry(Double.class, DOUBLE),
          Map.entry(double.class, DOUBLE),
          Map.entry(Float.class, FLOAT),
          Map.entry(float.class, FLOAT),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Character.class, CHAR),
          Map.entry(char.class, CHAR));

  private final Class<T> typeClass;
  private final TypeSerializer<T> serializer;

  private BasicTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer) {
    this.typeClass = typeClass;
    this.serializer = serializer;
  }

  /** The basic type of {@code type} (a primitive maps to its box), or null if it is none. */
  @SuppressWarnings("unchecked")
  public static <T> BasicTypeInfo<T> forClass(Class<T> type) {
    return (BasicTypeInfo<T>) BY_CLASS.get(type);
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return serializer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BasicTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.hashCode();
  }

  @Override
  public String toString() {
    return typeClass.getSimpleName();
  }

  private Object readResolve() {
    return BY_CLASS.get(typeClass);
  }
}
