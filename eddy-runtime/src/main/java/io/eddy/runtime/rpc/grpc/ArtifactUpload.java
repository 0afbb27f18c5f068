package io.eddy.runtime.rpc.grpc;

import com.google.protobuf.ByteString;
import io.eddy.runtime.rpc.proto.ArtifactChunk;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;

/** Sends one job's files down one server-streaming call, chunk by chunk, while it is ready. */
final class ArtifactUpload implements Runnable {
  private final Iterator<Path> files;
  private final ServerCallStreamObserver<ArtifactChunk> call;
  private final byte[] buffer;
  private Path file; // being sent, null between files
  private InputStream in;
  private MessageDigest digest;
  private long length;
  private boolean ended;

  ArtifactUpload(List<Path> files, ServerCallStreamObserver<ArtifactChunk> call, int chunkSize) {
    this.files = List.copyOf(files).iterator();
    this.call = call;
    this.buffer = new byte[chunkSize];
  }

  /** Sends chunks until the client's window is full or everything is sent. */
  @Override
  public synchronized void run() {
    try {
      while (!ended && call.isReady()) {
        ArtifactChunk chunk = next();
        if (chunk == null) {
          ended = true;
          call.onCompleted();
        } else {
          call.onNext(chunk);
        }
      }
    } catch (IOException | RuntimeException e) {
      String name = file == null ? "a job file" : file.getFileName().toString();
      cancel();
      call.onError(
          Status.INTERNAL.withDescription("cannot read " + name + ": " + e).asRuntimeException());
    }
  }

  /** The client went away (or sending failed): stop and close the open file. */
  synchronized void cancel() {
    ended = true;
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException ignored) {
      // Only read from: nothing is lost.
    }
    in = null;
  }

  /** The next chunk, or null after the last file. */
  private ArtifactChunk next() throws IOException {
    var chunk = ArtifactChunk.newBuilder();
    if (in == null) {
      if (!files.hasNext()) {
        return null;
      }
      file = files.next();
      in = Files.newInputStream(file);
      digest = sha256();
      length = 0;
      chunk.setFileName(file.getFileName().toString());
    }
    int n = in.readNBytes(buffer, 0, buffer.length);
    digest.update(buffer, 0, n);
    length += n;
    chunk.setData(ByteString.copyFrom(buffer, 0, n));
    if (n < buffer.length) { // end of file
      in.close();
      in = null;
      chunk.setLast(true).setLength(length).setSha256(ByteString.copyFrom(digest.digest()));
    }
    return chunk.build();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
