package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.IOException;
import java.util.Collection;

/**
 * Makes the committables of a completed checkpoint visible in the external system (the second phase
 * of a two-phase commit). Commits must be idempotent: after a failure the same committables are
 * committed again on restore, some of them perhaps already committed.
 */
@Public
public interface Committer<CommT> extends AutoCloseable {
  void commit(Collection<CommitRequest<CommT>> requests) throws IOException, InterruptedException;

  /** One committable to commit, with a way to report what happened to it. */
  interface CommitRequest<CommT> {
    CommT getCommittable();

    /** How often this committable was handed out before and asked to be retried. */
    int getNumberOfRetries();

    /** The commit failed for good: the job fails. */
    void signalFailed(Throwable cause);

    /** The commit could not be done now; the runtime offers it again at the next checkpoint. */
    void retryLater();
  }
}
