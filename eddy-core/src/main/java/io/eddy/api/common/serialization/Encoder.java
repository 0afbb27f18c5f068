package io.eddy.api.common.serialization;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one record to a row-format file, including any delimiter after it. */
@FunctionalInterface
@PublicEvolving
public interface Encoder<IN> extends Serializable {
  void encode(IN element, OutputStream stream) throws IOException;
}
