package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.reflect.RecordAccess;
import io.eddy.core.internal.types.serializers.RecordSerializer;

/**
 * A Java record, serialized component by component. Fields are the components: position is the
 * component index, name the component name.
 */
public final class RecordTypeInfo<R> extends NamedFieldsTypeInfo<R> {
  private static final long serialVersionUID = 1L;

  /** The record {@code recordClass} with one type per component, in declaration order. */
  public RecordTypeInfo(Class<R> recordClass, TypeInformation<?>[] fieldTypes) {
    super(recordClass, RecordAccess.of(recordClass).names(), fieldTypes);
  }

  @Override
  public TypeSerializer<R> createSerializer() {
    return new RecordSerializer<>(getTypeClass(), TypeInfos.serializers(fieldTypes()));
  }
}
