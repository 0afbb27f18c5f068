package io.eddy.core.internal.types.serializers;

import io.eddy.api.common.typeutils.TypeSerializer;

/** Helpers shared by composite serializers. */
final class Serializers {
  private Serializers() {}

  /** Duplicates of {@code serializers}, or the same array when every one is stateless. */
  static TypeSerializer<Object>[] duplicate(TypeSerializer<Object>[] serializers) {
    TypeSerializer<Object>[] copies = null;
    for (int i = 0; i < serializers.length; i++) {
      TypeSerializer<Object> duplicate = serializers[i].duplicate();
      if (duplicate != serializers[i] && copies == null) {
        copies = serializers.clone();
      }
      if (copies != null) {
        copies[i] = duplicate;
      }
    }
    return copies == null ? serializers : copies;
  }

  /** Whether every serializer is for an immutable type. */
  static boolean allImmutable(TypeSerializer<?>[] serializers) {
    for (TypeSerializer<?> serializer : serializers) {
      if (!serializer.isImmutableType()) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  static TypeSerializer<Object>[] erase(TypeSerializer<?>[] serializers) {
    return (TypeSerializer<Object>[]) serializers.clone();
  }

  @SuppressWarnings("unchecked")
  static <T> TypeSerializer<Object> erase(TypeSerializer<T> serializer) {
    return (TypeSerializer<Object>) serializer;
  }
}
