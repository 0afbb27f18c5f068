package io.eddy.runtime.network.api;

/** Control events that travel in-band through the data channels, in their own buffers. */
public enum NetworkEvent {
  /** The producer subtask has sent everything; the channel is finished. */
  END_OF_PARTITION,
  /** A {@link CheckpointBarrier}; its fields follow the code. */
  CHECKPOINT_BARRIER;

  private static final NetworkEvent[] VALUES = values();

  public byte code() {
    return (byte) ordinal();
  }

  public static NetworkEvent fromCode(byte code) {
    if (code < 0 || code >= VALUES.length) {
      throw new IllegalStateException("Corrupt stream: unknown event code " + code);
    }
    return VALUES[code];
  }
}
