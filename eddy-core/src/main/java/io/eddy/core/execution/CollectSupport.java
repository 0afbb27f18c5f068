package io.eddy.core.execution;

import io.eddy.api.CloseableIterator;
import io.eddy.api.annotation.Internal;
import io.eddy.api.common.typeutils.TypeSerializer;

/** Implemented by job clients that can stream a collect sink's records back to the caller. */
@Internal
public interface CollectSupport {
  <T> CloseableIterator<T> collect(String collectId, TypeSerializer<T> serializer);
}
