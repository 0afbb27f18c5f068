package io.eddy.connector.file.sink;

import io.eddy.api.connector.sink.Committer;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Renames closed in-progress part files to their final names. Idempotent, as recovery needs: a file
 * already renamed (source gone, target present) counts as committed.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

  @Override
  public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
    for (CommitRequest<FileSinkCommittable> request : requests) {
      commit(request.getCommittable());
    }
  }

  static void commit(FileSinkCommittable c) throws IOException {
    var source = c.inProgressPath();
    var target = c.finalPath();
    if (!Files.exists(source)) {
      if (Files.exists(target)) {
        return; // committed before the failure
      }
      throw new IOException(
          "Cannot commit part file " + target + ": neither it nor " + source + " exists.");
    }
    try {
      // atomic: readers see the whole file under its final name or nothing
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void close() {}
}
