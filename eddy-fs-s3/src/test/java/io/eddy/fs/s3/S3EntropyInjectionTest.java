package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.snapshot.StateFileHandle;
import io.eddy.runtime.storage.CheckpointMetadata;
import io.eddy.runtime.storage.CheckpointStorage;
import io.eddy.runtime.storage.CheckpointStorages;
import io.eddy.runtime.storage.StateLocations;
import io.eddy.testutils.conformance.CheckpointStorageConformance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Entropy injection ({@code s3.entropy.key}): a checkpoint's state files go under random key
 * prefixes, while its directories and {@code _metadata} carry no marker; the storage still passes
 * the conformance suite, and retention and clean-up find the spread files through the metadata.
 */
class S3EntropyInjectionTest {
  private static final String MARKER = "_entropy_";
  private static S3TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start("spread");
    Map<String, String> config = new HashMap<>(server.config(S3TestServer.SECRET_KEY));
    config.put("s3.entropy.key", MARKER);
    config.put("s3.entropy.length", "4");
    FileSystems.configure(config);
  }

  @AfterAll
  static void stopServer() throws Exception {
    FileSystems.configure(Map.of());
    server.close();
  }

  @Test
  void stateFilesGoUnderRandomPrefixesAndTheMetadataUnderTheMarkerFreePath() throws Exception {
    String run = "ckpt-" + UUID.randomUUID();
    String root = "s3://spread/" + MARKER + "/" + run;
    CheckpointStorage storage = CheckpointStorages.storage(root, "job");
    storage.initCheckpoint(1);
    byte[] large = new byte[100_000];
    new Random(1).nextBytes(large);
    StateFileHandle file =
        CheckpointStorages.streamFactory(root, "job", 0, 0, 0)
            .writeKeyedState(1, 0, "op", new KeyGroupRange(0, 9), out -> out.write(large));

    assertThat(file.location()).matches("s3://spread/[0-9a-z]{4}/" + run + "/job/chk-1/.+");
    String location = storage.completeCheckpoint(new CheckpointMetadata(1, 1, List.of(file)));
    assertThat(location).isEqualTo("s3://spread/" + run + "/job/chk-1");
    assertThat(FileSystems.get(location).exists(location + "/_metadata")).isTrue();
    CheckpointMetadata read = CheckpointStorages.readMetadata(location);
    assertThat(
            CheckpointStorages.readAll(StateLocations.location(location, read.stateFiles().get(0))))
        .isEqualTo(large);

    storage.discardAll();
    FileSystem fs = FileSystems.get(root);
    assertThat(fs.exists(file.location())).as("the spread state file is deleted too").isFalse();
  }

  @Nested
  class Conformance extends CheckpointStorageConformance {
    private final String savepoints = "s3://spread/savepoints-" + UUID.randomUUID();

    @Override
    protected String rootLocation() {
      return "s3://spread/" + MARKER + "/checkpoints-" + UUID.randomUUID();
    }

    @Override
    protected String savepointLocation() {
      return savepoints;
    }

    @Override
    protected boolean failedAttemptsAreListed() {
      return false;
    }
  }
}
