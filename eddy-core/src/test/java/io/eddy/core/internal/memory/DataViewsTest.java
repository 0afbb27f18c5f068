package io.eddy.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.UTFDataFormatException;
import org.junit.jupiter.api.Test;

class DataViewsTest {

  private final DataOutputSerializer out = new DataOutputSerializer(1);
  private final DataInputDeserializer in = new DataInputDeserializer();

  private DataInputDeserializer input() {
    in.setBuffer(out.getSharedBuffer(), 0, out.length());
    return in;
  }

  @Test
  void fixedWidthValuesAreBigEndianAndRoundTrip() throws Exception {
    out.writeInt(0x01020304);
    assertThat(out.getCopyOfBuffer()).containsExactly(1, 2, 3, 4);
    out.writeLong(Long.MIN_VALUE);
    out.writeShort(-2);
    out.writeChar('é');
    out.writeDouble(Math.PI);
    out.writeFloat(-1.5f);
    out.writeBoolean(true);
    out.writeByte(-7);
    DataInputDeserializer in = input();
    assertThat(in.readInt()).isEqualTo(0x01020304);
    assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(in.readShort()).isEqualTo((short) -2);
    assertThat(in.readChar()).isEqualTo('é');
    assertThat(in.readDouble()).isEqualTo(Math.PI);
    assertThat(in.readFloat()).isEqualTo(-1.5f);
    assertThat(in.readBoolean()).isTrue();
    assertThat(in.readByte()).isEqualTo((byte) -7);
    assertThat(in.available()).isZero();
  }

  @Test
  void varIntsRoundTripIncludingNegativeAndExtremeValues() throws Exception {
    int[] ints = {0, 1, 127, 128, 16383, 16384, -1, -64, Integer.MIN_VALUE, Integer.MAX_VALUE};
    long[] longs = {0, 1, 127, 128, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 35};
    for (int v : ints) {
      out.writeVarInt(v);
    }
    for (long v : longs) {
      out.writeVarLong(v);
    }
    DataInputDeserializer in = input();
    for (int v : ints) {
      assertThat(in.readVarInt()).isEqualTo(v);
    }
    for (long v : longs) {
      assertThat(in.readVarLong()).isEqualTo(v);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void smallVarIntsAreOneByteAndNegativeOnesFive() {
    out.writeVarInt(127);
    assertThat(out.length()).isEqualTo(1);
    out.clear();
    out.writeVarInt(-1);
    assertThat(out.length()).isEqualTo(5);
    out.clear();
    out.writeVarLong(-1);
    assertThat(out.length()).isEqualTo(10);
  }

  @Test
  void asciiStringsTakeOneBytePerChar() throws Exception {
    out.writeString("hello");
    assertThat(out.length()).isEqualTo(6);
    assertThat(input().readString()).isEqualTo("hello");
  }

  @Test
  void nonAsciiAndEmptyStringsRoundTrip() throws Exception {
    String[] values = {"", "grüße", "日本語", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "\u0000"};
    for (String v : values) {
      out.writeString(v);
    }
    DataInputDeserializer in = input();
    for (String v : values) {
      assertThat(in.readString()).isEqualTo(v);
    }
  }

  @Test
  void stringsLongerThan64KiBRoundTrip() throws Exception {
    String ascii = "a".repeat(70_000);
    String unicode = "ü".repeat(70_000);
    out.writeString(ascii);
    out.writeString(unicode);
    DataInputDeserializer in = input();
    assertThat(in.readString()).isEqualTo(ascii);
    assertThat(in.readString()).isEqualTo(unicode);
  }

  @Test
  void bufferGrowsFromOneByte() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      out.writeLong(i);
    }
    assertThat(out.length()).isEqualTo(80_000);
    assertThat(out.getSharedBuffer().length).isGreaterThanOrEqualTo(80_000);
    DataInputDeserializer in = input();
    for (int i = 0; i < 10_000; i++) {
      assertThat(in.readLong()).isEqualTo(i);
    }
  }

  @Test
  void setPositionPatchesALengthPrefix() throws Exception {
    out.writeInt(0);
    out.writeString("body");
    int end = out.position();
    out.setPosition(0);
    out.writeInt(end - 4);
    out.setPosition(end);
    DataInputDeserializer in = input();
    assertThat(in.readInt()).isEqualTo(5);
    assertThat(in.readString()).isEqualTo("body");
  }

  @Test
  void clearReusesTheBuffer() {
    out.writeLong(1);
    byte[] buffer = out.getSharedBuffer();
    out.clear();
    out.writeLong(2);
    assertThat(out.getSharedBuffer()).isSameAs(buffer);
    assertThat(out.length()).isEqualTo(8);
  }

  @Test
  void readingPastTheRegionThrowsEof() throws Exception {
    out.writeInt(1);
    out.writeInt(2);
    in.setBuffer(out.getSharedBuffer(), 4, 3);
    assertThat(in.getPosition()).isEqualTo(4);
    assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
    assertThat(in.readByte()).isZero();
    assertThat(in.getPosition()).isEqualTo(5);
    assertThat(in.available()).isEqualTo(2);
    in.readShort();
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
    assertThatThrownBy(in::readVarInt).isInstanceOf(EOFException.class);
  }

  @Test
  void truncatedStringThrowsEof() {
    out.writeString("a long enough string");
    in.setBuffer(out.getSharedBuffer(), 0, 5);
    assertThatThrownBy(in::readString).isInstanceOf(EOFException.class);
    out.clear();
    out.writeString("ünïcode");
    in.setBuffer(out.getSharedBuffer(), 0, 5);
    assertThatThrownBy(in::readString).isInstanceOf(EOFException.class);
  }

  @Test
  void utfIsStandardModifiedUtf8WithItsLimit() throws Exception {
    out.writeUTF("grüße\u0000");
    assertThat(input().readUTF()).isEqualTo("grüße\u0000");
    assertThatThrownBy(() -> out.writeUTF("x".repeat(70_000)))
        .isInstanceOf(UTFDataFormatException.class);
  }

  @Test
  void bytesAndLines() throws Exception {
    out.write(new byte[] {1, 2, 3}, 1, 2);
    out.writeBytes("ab\nc\r\nd");
    DataInputDeserializer in = input();
    byte[] two = new byte[2];
    in.readFully(two);
    assertThat(two).containsExactly(2, 3);
    assertThat(in.readLine()).isEqualTo("ab");
    assertThat(in.readLine()).isEqualTo("c");
    assertThat(in.readLine()).isEqualTo("d");
    assertThat(in.readLine()).isNull();
  }
}
