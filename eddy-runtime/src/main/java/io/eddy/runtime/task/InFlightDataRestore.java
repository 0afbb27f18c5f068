package io.eddy.runtime.task;

import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.snapshot.ChannelState;
import io.eddy.runtime.storage.CheckpointStorages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Puts back the in-flight data of the unaligned checkpoint a task restores, before it processes
 * anything: the output data its barriers overtook is queued again for the consumers, the input data
 * it recorded is replayed before the live channels (the same parallelism as when it was taken, so
 * channel i is still channel i).
 */
final class InFlightDataRestore {
  private InFlightDataRestore() {}

  static void restore(String file, List<RecordWriter<?>> writers, NetworkInput input)
      throws IOException, InterruptedException {
    ChannelState state;
    try (InputStream in = new BufferedInputStream(CheckpointStorages.openStream(file))) {
      state = ChannelState.read(in);
    } catch (IOException e) {
      throw new IOException("Cannot restore the in-flight data " + file + ": " + e.getMessage(), e);
    }
    for (int w = 0; w < state.outputs().size() && w < writers.size(); w++) {
      List<List<byte[]>> channels = state.outputs().get(w);
      for (int ch = 0; ch < channels.size(); ch++) {
        for (byte[] data : channels.get(ch)) {
          writers.get(w).addRestoredBuffer(ch, data);
        }
      }
    }
    if (input != null && !state.inputs().isEmpty()) {
      input.replay(state.inputs());
    }
  }
}
