package io.eddy.api.common.io;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.Serializable;

/**
 * Serializes control-plane objects (splits, enumerator state, committables) with a version, so that
 * state written by one version of a connector can be read by the next.
 */
@PublicEvolving
public interface SimpleVersionedSerializer<E> extends Serializable {
  int getVersion();

  byte[] serialize(E obj) throws IOException;

  E deserialize(int version, byte[] serialized) throws IOException;
}
