package io.eddy.runtime.snapshot;

import io.eddy.core.internal.memory.DataInputDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The frame around the payload of Eddy's checkpoint files (metadata, operator state, in-flight
 * data): {@code magic:int version:int payloadLength:int payload crc32(payload):int}, big-endian. A
 * truncated, padded or damaged file is detected before its payload is parsed.
 */
public final class ChecksummedEnvelope {
  private static final int PREFIX_BYTES = 12;
  private static final int CRC_BYTES = 4;

  private ChecksummedEnvelope() {}

  /** Frames {@code length} payload bytes of {@code payload} from {@code offset}. */
  public static byte[] wrap(int magic, int version, byte[] payload, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(payload, offset, length);
    ByteBuffer out = ByteBuffer.allocate(PREFIX_BYTES + length + CRC_BYTES);
    out.putInt(magic).putInt(version).putInt(length);
    out.put(payload, offset, length);
    out.putInt((int) crc.getValue());
    return out.array();
  }

  /**
   * Checks the frame and returns a reader over the payload; the exception's message says what is
   * wrong (no path).
   *
   * @param what the kind of file, for the message ("a metadata file")
   */
  public static DataInputDeserializer unwrap(byte[] bytes, int magic, int version, String what)
      throws IOException {
    if (bytes.length < PREFIX_BYTES) {
      throw new IOException("truncated (" + bytes.length + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int actualMagic = in.getInt();
    if (actualMagic != magic) {
      throw new IOException("not " + what + " (magic " + Integer.toHexString(actualMagic) + ")");
    }
    int actualVersion = in.getInt();
    if (actualVersion != version) {
      throw new IOException(
          "unsupported version " + actualVersion + " (this build reads " + version + ")");
    }
    int length = in.getInt();
    if (length < 0 || (long) PREFIX_BYTES + length + CRC_BYTES != bytes.length) {
      throw new IOException(
          "truncated or padded: "
              + bytes.length
              + " bytes for a payload of "
              + length
              + " (expected "
              + ((long) PREFIX_BYTES + length + CRC_BYTES)
              + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, PREFIX_BYTES, length);
    if ((int) crc.getValue() != in.getInt(PREFIX_BYTES + length)) {
      throw new IOException("checksum mismatch");
    }
    DataInputDeserializer payload = new DataInputDeserializer();
    payload.setBuffer(bytes, PREFIX_BYTES, length);
    return payload;
  }
}
