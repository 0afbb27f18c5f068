package io.eddy.runtime.snapshot;

import io.eddy.core.internal.memory.DataInputDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-flight data of a subtask in an unaligned checkpoint: the output buffers its barriers
 * overtook, per output and channel, and per input channel the bytes of an element begun before the
 * checkpoint plus the buffers that arrived before the channel's barrier. A restore sends the output
 * data again and replays the input data before anything else, so no record is lost or repeated.
 *
 * <p>File format, version 1 (big-endian):
 *
 * <pre>
 * file    := magic:int(0x45444348 "EDCH") version:int(1) payloadLength:int payload crc32:int
 *            (see ChecksummedEnvelope)
 * payload := outputCount:int (channelCount:int (bufferCount:int (length:int byte*)*)*)*
 *            inputCount:int (prefixLength:int byte* bufferCount:int (length:int byte*)*)*
 * </pre>
 *
 * @param outputs per output, per channel, the overtaken buffers in order
 * @param inputs per input channel (in gate order) its recorded data
 */
public record ChannelState(List<List<List<byte[]>>> outputs, List<InputChannelData> inputs) {
  private static final int MAGIC = 0x45444348;
  private static final int VERSION = 1;

  /** An input channel's in-flight data: an unfinished element's bytes, then whole buffers. */
  public record InputChannelData(byte[] prefix, List<byte[]> buffers) {
    public boolean isEmpty() {
      return prefix.length == 0 && buffers.isEmpty();
    }
  }

  /**
   * The id a task's in-flight data is stored under in a checkpoint: its head operator's, marked.
   */
  public static String stateId(String headOperatorId) {
    return headOperatorId + "#in-flight";
  }

  /** Whether {@code operatorId} names in-flight data rather than an operator. */
  public static boolean isStateId(String operatorId) {
    return operatorId.endsWith("#in-flight");
  }

  public boolean isEmpty() {
    return outputs.stream().flatMap(List::stream).allMatch(List::isEmpty)
        && inputs.stream().allMatch(InputChannelData::isEmpty);
  }

  public void writeTo(OutputStream stream) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(outputs.size());
    for (List<List<byte[]>> output : outputs) {
      out.writeInt(output.size());
      for (List<byte[]> channel : output) {
        writeBuffers(out, channel);
      }
    }
    out.writeInt(inputs.size());
    for (InputChannelData input : inputs) {
      out.writeInt(input.prefix().length);
      out.write(input.prefix());
      writeBuffers(out, input.buffers());
    }
    out.flush();
    byte[] payload = bytes.toByteArray();
    stream.write(ChecksummedEnvelope.wrap(MAGIC, VERSION, payload, 0, payload.length));
    stream.flush();
  }

  private static void writeBuffers(DataOutputStream out, List<byte[]> buffers) throws IOException {
    out.writeInt(buffers.size());
    for (byte[] b : buffers) {
      out.writeInt(b.length);
      out.write(b);
    }
  }

  /** Reads a file {@link #writeTo} wrote; the exception says what is wrong. */
  public static ChannelState read(InputStream stream) throws IOException {
    DataInputDeserializer in =
        ChecksummedEnvelope.unwrap(stream.readAllBytes(), MAGIC, VERSION, "a channel state file");
    List<List<List<byte[]>>> outputs = new ArrayList<>();
    int outputCount = in.readInt();
    for (int o = 0; o < outputCount; o++) {
      List<List<byte[]>> output = new ArrayList<>();
      int channels = in.readInt();
      for (int c = 0; c < channels; c++) {
        output.add(readBuffers(in));
      }
      outputs.add(output);
    }
    List<InputChannelData> inputs = new ArrayList<>();
    int inputCount = in.readInt();
    for (int i = 0; i < inputCount; i++) {
      byte[] prefix = new byte[in.readInt()];
      in.readFully(prefix);
      inputs.add(new InputChannelData(prefix, readBuffers(in)));
    }
    return new ChannelState(outputs, inputs);
  }

  private static List<byte[]> readBuffers(DataInputDeserializer in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available() / 4) {
      throw new IOException("corrupt buffer count " + count);
    }
    List<byte[]> buffers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      buffers.add(b);
    }
    return buffers;
  }
}
