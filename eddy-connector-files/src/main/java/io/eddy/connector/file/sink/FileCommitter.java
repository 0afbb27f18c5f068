package io.eddy.connector.file.sink;

import io.eddy.api.connector.sink.Committer;
import io.eddy.api.fs.FileSystems;
import java.io.IOException;
import java.util.Collection;

/**
 * Makes closed part files visible through their file system's recoverable writer (a rename, or the
 * completion of a multipart upload). Idempotent, as recovery needs: a file committed before a
 * failure counts as committed.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

  @Override
  public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
    for (CommitRequest<FileSinkCommittable> request : requests) {
      commit(request.getCommittable());
    }
  }

  static void commit(FileSinkCommittable c) throws IOException {
    FileSystems.get(c.finalFile()).createRecoverableWriter().commit(c.commitToken());
  }

  @Override
  public void close() {}
}
