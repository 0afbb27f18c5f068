package io.eddy.fs.s3;

import io.eddy.api.fs.FileSystems;
import io.eddy.testutils.StorageFigures;
import java.nio.file.Path;
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
  @TempDir Path local;
  @TempDir Path copies;
  @TempDir Path objects;

  @Test
  void checkpointAndRestoreTimes() throws Exception {
    StorageFigures.measure("local disk", local.resolve("checkpoints").toString(), copies);
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
      StorageFigures.measure("S3 (s3proxy)", "s3://figures/" + UUID.randomUUID(), copies);
    } finally {
      FileSystems.configure(Map.of());
    }
  }
}
