package io.eddy.api.common.typeutils;

import io.eddy.api.annotation.PublicEvolving;
import java.io.DataOutput;
import java.io.IOException;

/** The sink that {@link TypeSerializer}s write to. Big-endian like {@link DataOutput}. */
@PublicEvolving
public interface DataOutputView extends DataOutput {

  /** Writes an int in 1–5 bytes, small non-negative values being shortest. */
  void writeVarInt(int value) throws IOException;

  /** Writes a long in 1–10 bytes, small non-negative values being shortest. */
  void writeVarLong(long value) throws IOException;

  /**
   * Writes a string so that {@link DataInputView#readString()} reads it back. Unlike {@link
   * #writeUTF} it has no 64 KiB limit and accepts any string (not null).
   */
  void writeString(String value) throws IOException;
}
