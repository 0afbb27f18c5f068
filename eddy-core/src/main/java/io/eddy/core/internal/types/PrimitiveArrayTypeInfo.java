package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.serializers.BooleanPrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.BytePrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.CharPrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.DoublePrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.FloatPrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.IntPrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.LongPrimitiveArraySerializer;
import io.eddy.core.internal.types.serializers.ShortPrimitiveArraySerializer;
import java.util.Map;

/** Arrays of a primitive type, such as {@code byte[]} or {@code long[]}. */
public final class PrimitiveArrayTypeInfo<A> extends TypeInformation<A> {
  private static final long serialVersionUID = 1L;

  public static final PrimitiveArrayTypeInfo<byte[]> BYTE_ARRAY =
      new PrimitiveArrayTypeInfo<>(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<short[]> SHORT_ARRAY =
      new PrimitiveArrayTypeInfo<>(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<int[]> INT_ARRAY =
      new PrimitiveArrayTypeInfo<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<long[]> LONG_ARRAY =
      new PrimitiveArrayTypeInfo<>(long[].class, LongPrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<float[]> FLOAT_ARRAY =
      new PrimitiveArrayTypeInfo<>(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_ARRAY =
      new PrimitiveArrayTypeInfo<>(double[].class, DoublePrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<char[]> CHAR_ARRAY =
      new PrimitiveArrayTypeInfo<>(char[].class, CharPrimitiveArraySerializer.INSTANCE);
  public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_ARRAY =
      new PrimitiveArrayTypeInfo<>(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);

  private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS =
      Map.of(
          byte[].class, BYTE_ARRAY,
          short[].class, SHORT_ARRAY,
          int[].class, INT_ARRAY,
          long[].class, LONG_ARRAY,
          float[].class, FLOAT_ARRAY,
          double[].class, DOUBLE_ARRAY,
          char[].class, CHAR_ARRAY,
          boolean[].class, BOOLEAN_ARRAY);

  private final Class<A> arrayClass;
  private final TypeSerializer<A> serializer;

  private PrimitiveArrayTypeInfo(Class<A> arrayClass, TypeSerializer<A> serializer) {
    this.arrayClass = arrayClass;
    this.serializer = serializer;
  }

  /** The type of {@code arrayClass} if it is a primitive array class, else null. */
  @SuppressWarnings("unchecked")
  public static <A> PrimitiveArrayTypeInfo<A> forClass(Class<A> arrayClass) {
    return (PrimitiveArrayTypeInfo<A>) BY_CLASS.get(arrayClass);
  }

  @Override
  public Class<A> getTypeClass() {
    return arrayClass;
  }

  @Override
  public TypeSerializer<A> createSerializer() {
    return serializer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimitiveArrayTypeInfo<?> other && other.arrayClass == arrayClass;
  }

  @Override
  public int hashCode() {
    return arrayClass.hashCode();
  }

  @Override
  public String toString() {
    return arrayClass.getSimpleName();
  }

  private Object readResolve() {
    return BY_CLASS.get(arrayClass);
  }
}
