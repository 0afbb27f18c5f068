package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.rpc.proto.ArtifactChunk;
import io.eddy.runtime.rpc.proto.BlobServiceGrpc;
import io.eddy.runtime.rpc.proto.FetchJobArtifactsRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The JobManager's blob store: streams the jar files each job registered in the {@link
 * LibraryCache} to the TaskManagers that run its tasks, in chunks of {@value #CHUNK_SIZE} bytes,
 * the last chunk of each file carrying its length and SHA-256.
 */
public final class GrpcBlobService extends BlobServiceGrpc.BlobServiceImplBase {
  static final int CHUNK_SIZE = 256 * 1024;

  private final LibraryCache libraryCache;

  public GrpcBlobService(LibraryCache libraryCache) {
    this.libraryCache = libraryCache;
  }

  @Override
  public void fetchJobArtifacts(
      FetchJobArtifactsRequest request, StreamObserver<ArtifactChunk> observer) {
    String jobId = request.getJobId();
    if (!libraryCache.contains(jobId)) {
      observer.onError(
          Status.NOT_FOUND
              .withDescription("the JobManager does not know job " + jobId)
              .asRuntimeException());
      return;
    }
    var call = (ServerCallStreamObserver<ArtifactChunk>) observer;
    var upload = new ArtifactUpload(libraryCache.jars(jobId), call, CHUNK_SIZE);
    call.setOnCancelHandler(upload::cancel);
    // gRPC runs this once the call is ready and again whenever the client has read enough, so a
    // large jar is read from disk as the client takes it, never held in memory at once.
    call.setOnReadyHandler(upload);
  }
}
