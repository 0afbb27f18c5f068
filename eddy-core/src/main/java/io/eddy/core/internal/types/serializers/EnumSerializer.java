package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import java.io.IOException;
import java.io.StreamCorruptedException;

/** Serializes non-null enum constants of one enum class by their ordinal, as a var-int. */
public final class EnumSerializer<E extends Enum<E>> extends ImmutableValueSerializer<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  private final E[] constants;

  /** A serializer for the constants of {@code enumClass}. */
  public EnumSerializer(Class<E> enumClass) {
    this.enumClass = enumClass;
    this.constants = enumClass.getEnumConstants();
  }

  @Override
  public void serialize(E value, DataOutputView out) throws IOException {
    out.writeVarInt(value.ordinal());
  }

  @Override
  public E deserialize(DataInputView in) throws IOException {
    int ordinal = in.readVarInt();
    if (ordinal < 0 || ordinal >= constants.length) {
      throw new StreamCorruptedException(
          "No constant with ordinal " + ordinal + " in " + enumClass.getName());
    }
    return constants[ordinal];
  }
}
