package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.util.StringJoiner;

/** Helpers for type informations with fields. */
final class TypeInfos {
  private TypeInfos() {}

  static boolean allKnown(TypeInformation<?>[] types) {
    for (TypeInformation<?> type : types) {
      if (!type.isKnown()) {
        return false;
      }
    }
    return true;
  }

  static TypeSerializer<?>[] serializers(TypeInformation<?>[] types) {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[types.length];
    for (int i = 0; i < types.length; i++) {
      serializers[i] = types[i].createSerializer();
    }
    return serializers;
  }

  /** {@code name: Type, ...} or {@code Type, ...} when names is null. */
  static String join(String[] names, TypeInformation<?>[] types) {
    StringJoiner joiner = new StringJoiner(", ");
    for (int i = 0; i < types.length; i++) {
      joiner.add(names == null ? types[i].toString() : names[i] + ": " + types[i]);
    }
    return joiner.toString();
  }
}
