package io.eddy.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.CheckpointStreamFactory;
import io.eddy.runtime.storage.LocalStateCopies;
import io.eddy.runtime.storage.StateLocations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Figures of a checkpoint storage, not a check of speed: about 1 GiB of keyed state files written
 * through it, then restored from a TaskManager's local copies and from the store. The storages'
 * figures tests (slow group) print them.
 */
public final class StorageFigures {
  private static final int FILES = 16;
  private static final int FILE_BYTES = 64 * 1024 * 1024;

  private StorageFigures() {}

  /**
   * Writes {@code FILES} state files of 64 MiB through the checkpoint storage at {@code root},
   * restores them from the local copies and from the store, and prints the times.
   *
   * @param copies a directory for the local copies
   */
  public static void measure(String store, String root, Path copies) throws IOException {
    CheckpointStorage storage = CheckpointStorages.storage(root, "job");
    storage.initCheckpoint(1);
    CheckpointStreamFactory factory = CheckpointStorages.streamFactory(root, "job", 0, 0, 0);
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) (i * 31 + (i >>> 7));
    }
    Path copyDir = copies.resolve(UUID.randomUUID().toString());
    LocalStateCopies.enable(copyDir);
    List<String> locations = new ArrayList<>();
    long start = System.nanoTime();
    for (int f = 0; f < FILES; f++) {
      StateFileHandle handle =
          factory.writeKeyedState(
              1,
              f,
              "op",
              new KeyGroupRange(0, 127),
              out -> {
                for (int written = 0; written < FILE_BYTES; written += chunk.length) {
                  out.write(chunk);
                }
              });
      locations.add(StateLocations.resolve(storage.jobLocation() + "/chk-1", handle.fileName()));
    }
    long writeMillis = (System.nanoTime() - start) / 1_000_000;
    long bytes = (long) FILES * FILE_BYTES;

    long localReadsBefore = LocalStateCopies.localReads();
    long fromCopy = readAll(locations);
    assertEquals(FILES, LocalStateCopies.localReads() - localReadsBefore, "files read locally");
    LocalStateCopies.disable(copyDir);
    long fromStore = readAll(locations);

    System.out.printf(
        "[figures] %s: checkpoint of %d MiB in %d files written in %d ms (%.0f MiB/s);"
            + " restore from the store %d ms, from the local copy %d ms%n",
        store,
        bytes >> 20,
        FILES,
        writeMillis,
        (bytes >> 20) * 1000.0 / Math.max(1, writeMillis),
        fromStore,
        fromCopy);
    storage.discardAll();
  }

  /** Reads every file through the storage (local copies first); returns the milliseconds. */
  private static long readAll(List<String> locations) throws IOException {
    long start = System.nanoTime();
    for (String location : locations) {
      try (InputStream in = CheckpointStorages.openStream(location)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
