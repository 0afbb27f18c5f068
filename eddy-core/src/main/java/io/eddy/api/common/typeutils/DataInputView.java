package io.eddy.api.common.typeutils;

import io.eddy.api.annotation.PublicEvolving;
import java.io.DataInput;
import java.io.IOException;

/** The source that {@link TypeSerializer}s read from; mirror of {@link DataOutputView}. */
@PublicEvolving
public interface DataInputView extends DataInput {

  int readVarInt() throws IOException;

  long readVarLong() throws IOException;

  String readString() throws IOException;
}
