package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.PojoAccess;
import io.eddy.core.internal.types.serializers.PojoSerializer;

/**
 * A POJO (see {@code PojoAnalysis} for the rules), serialized field by field. Fields are addressed
 * by name, or by position in declaration order (superclass fields first).
 */
public final class PojoTypeInfo<T> extends NamedFieldsTypeInfo<T> {
  private static final long serialVersionUID = 1L;

  /** The POJO {@code pojoClass} with one type per field, in {@code PojoAnalysis} order. */
  public PojoTypeInfo(Class<T> pojoClass, TypeInformation<?>[] fieldTypes) {
    super(pojoClass, fieldNames(PojoAccess.of(pojoClass)), fieldTypes);
  }

  private static String[] fieldNames(PojoAccess access) {
    String[] names = new String[access.arity()];
    for (int i = 0; i < names.length; i++) {
      names[i] = access.name(i);
    }
    return names;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new PojoSerializer<>(getTypeClass(), TypeInfos.serializers(fieldTypes()));
  }
}
