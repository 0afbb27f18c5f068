package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.proto.ArtifactChunk;
import io.eddy.runtime.rpc.proto.FetchJobArtifactsRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Receives one job's files into a directory and verifies each file's length and SHA-256. Chunks are
 * written on {@code writer}, which must run tasks one at a time in order; the next chunk is asked
 * for only when one is written, so at most one waits in memory. {@link #files} completes with the
 * written files, in the order they were sent.
 */
final class ArtifactDownload
    implements ClientResponseObserver<FetchJobArtifactsRequest, ArtifactChunk> {
  final CompletableFuture<List<Path>> files = new CompletableFuture<>();

  private final Path directory;
  private final Executor writer;
  private final List<Path> written = new ArrayList<>();
  private ClientCallStreamObserver<FetchJobArtifactsRequest> call;
  // The file being written, touched only on the writer.
  private Path file;
  private OutputStream out;
  private MessageDigest digest;
  private long length;

  ArtifactDownload(Path directory, Executor writer) {
    this.directory = directory;
    this.writer = writer;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<FetchJobArtifactsRequest> call) {
    this.call = call;
    call.disableAutoRequestWithInitial(1);
  }

  @Override
  public void onNext(ArtifactChunk chunk) {
    onWriter(
        () -> {
          if (files.isDone()) {
            return;
          }
          try {
            write(chunk);
            call.request(1);
          } catch (IOException | RuntimeException e) {
            fail(e);
            call.cancel("The TaskManager could not store a job file", e);
          }
        });
  }

  @Override
  public void onError(Throwable t) {
    onWriter(() -> fail(t));
  }

  @Override
  public void onCompleted() {
    onWriter(
        () -> {
          if (out != null) {
            fail(new IOException("the stream ended inside " + file.getFileName()));
          } else {
            files.complete(List.copyOf(written));
          }
        });
  }

  private void onWriter(Runnable task) {
    try {
      writer.execute(task);
    } catch (RejectedExecutionException e) {
      files.completeExceptionally(new IOException("the TaskManager is shutting down"));
      call.cancel("The TaskManager is shutting down", null);
    }
  }

  private void write(ArtifactChunk chunk) throws IOException {
    if (!chunk.getFileName().isEmpty()) {
      if (out != null) {
        throw new IOException(file.getFileName() + " has no last chunk");
      }
      Files.createDirectories(directory);
      // Numbered: two jars of the same name stay two files.
      file = directory.resolve(written.size() + "-" + plainName(chunk.getFileName()));
      out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
      digest = ArtifactUpload.sha256();
      length = 0;
    } else if (out == null) {
      throw new IOException("a chunk names no file");
    }
    chunk.getData().writeTo(out);
    digest.update(chunk.getData().asReadOnlyByteBuffer());
    length += chunk.getData().size();
    if (chunk.getLast()) {
      out.close();
      out = null;
      verify(chunk);
      written.add(file);
    }
  }

  private void verify(ArtifactChunk last) throws IOException {
    byte[] actual = digest.digest();
    byte[] expected = last.getSha256().toByteArray();
    if (length != last.getLength() || !MessageDigest.isEqual(actual, expected)) {
      HexFormat hex = HexFormat.of();
      throw new IOException(
          file.getFileName()
              + " arrived corrupt: "
              + length
              + " bytes with SHA-256 "
              + hex.formatHex(actual)
              + ", but "
              + last.getLength()
              + " bytes with SHA-256 "
              + hex.formatHex(expected)
              + " were sent");
    }
  }

  /** The sender names files; a name that could leave {@link #directory} is refused. */
  private static String plainName(String name) throws IOException {
    if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
      throw new IOException("refused file name '" + name + "'");
    }
    return name;
  }

  private void fail(Throwable t) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // The partial file is deleted with its directory.
      }
      out = null;
    }
    files.completeExceptionally(t);
  }
}
