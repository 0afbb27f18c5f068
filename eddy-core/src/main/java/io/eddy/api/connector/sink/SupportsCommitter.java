package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A sink that commits in two phases for exactly-once output: its writer is a {@link
 * CommittingSinkWriter}, and the committables it prepares for a checkpoint are stored in that
 * checkpoint and committed by the {@link Committer} once the checkpoint completes.
 */
@Public
public interface SupportsCommitter<CommT> {
  Committer<CommT> createCommitter() throws IOException;

  /** Writes committables into checkpoints. */
  SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
