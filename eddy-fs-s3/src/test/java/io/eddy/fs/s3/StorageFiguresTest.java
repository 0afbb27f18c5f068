package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystems;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not a check of speed: writes about 1 GiB of keyed state files through the checkpoint
 * storage to the local disk and to S3 (s3proxy on loopback, objects in files), then restores them
 * from the store and from the TaskManager's local copies, and prints the times. Run with {@code
 * ./mvnw -pl eddy-fs-s3 -am test -Dgroups=slow -Dsurefire.excludedGroups=none
 * -Dtest=StorageFiguresTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class StorageFiguresTest {
  private static final int FILES = 16;
  private static final int FILE_BYTES = 64 * 1024 * 1024;

  @TempDir Path local;
  @TempDir Path copies;
  @TempDir Path objects;

  @Test
  void checkpointAndRestoreTimes() throws Exception {
    measure("local disk", local.resolve("checkpoints").toString());
    try (S3TestServer s3 = S3TestServer.startOnDisk(objects, "figures")) {
      FileSystems.configure(
          Map.of(
              "s3.endpoint",
              s3.endpoint(),
              "s3.access-key",
              S3TestServer.ACCESS_KEY,
              "s3.secret-key",
              S3TestServer.SECRET_KEY,
              "s3.path.style.access",
              "true"));
      measure("S3 (s3proxy)", "s3://figures/" + UUID.randomUUID());
    } finally {
      FileSystems.configure(Map.of());
    }
  }

  private void measure(String store, String root) throws IOException {
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
    assertThat(LocalStateCopies.localReads() - localReadsBefore).isEqualTo(FILES);
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
