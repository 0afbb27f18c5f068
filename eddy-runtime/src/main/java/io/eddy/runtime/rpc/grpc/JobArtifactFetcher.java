package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.rpc.proto.BlobServiceGrpc;
import io.eddy.runtime.rpc.proto.FetchJobArtifactsRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Makes a job's code available on a TaskManager: fetches the job's jars from the JobManager's
 * {@link GrpcBlobService} into a directory of their own under the work directory, verifies them,
 * and registers a class loader over them (child of Eddy's own) in the TaskManager's {@link
 * LibraryCache}. A job the cache already holds is not fetched (the embedded cluster shares the
 * JobManager's cache); concurrent requests for one job share one fetch; a job without jars gets
 * Eddy's own loader.
 */
public final class JobArtifactFetcher implements JobArtifacts, AutoCloseable {
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  /**
   * What this fetcher registered for a job: its loader and directory, null for a job without jars.
   */
  private record Fetched(URLClassLoader loader, Path directory) {}

  private final LibraryCache libraryCache;
  private final Path workDirectory;
  private final Function<String, ManagedChannel> channels;
  private final Duration deadline;
  private final Map<String, ManagedChannel> ownChannels = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> fetches = new ConcurrentHashMap<>();
  private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
  // One thread: each download's chunks must be written in order (see ArtifactDownload).
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "eddy-artifact-writer");
            t.setDaemon(true);
            return t;
          });

  /** A fetcher with channels of its own (closed with it) and {@link #DEFAULT_DEADLINE}. */
  public JobArtifactFetcher(LibraryCache libraryCache, Path workDirectory) {
    this(libraryCache, workDirectory, null, DEFAULT_DEADLINE);
  }

  /**
   * @param channels the channel to a JobManager given its gRPC target (owned by the caller)
   * @param deadline of a whole fetch
   */
  public JobArtifactFetcher(
      LibraryCache libraryCache,
      Path workDirectory,
      Function<String, ManagedChannel> channels,
      Duration deadline) {
    this.libraryCache = libraryCache;
    this.workDirectory = workDirectory;
    this.channels =
        channels != null
            ? channels
            : target -> ownChannels.computeIfAbsent(target, ControlPlaneChannels::channel);
    this.deadline = deadline;
  }

  @Override
  public CompletableFuture<Void> prepare(String jobId, String jobManagerAddress) {
    if (libraryCache.contains(jobId)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = fetches.putIfAbsent(jobId, mine);
    if (running != null) {
      return running.copy();
    }
    Path directory = workDirectory.resolve("job-" + safe(jobId) + "-" + UUID.randomUUID());
    download(jobId, jobManagerAddress, directory)
        .thenApply(jars -> install(jobId, mine, jars, directory))
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                mine.complete(null);
                return;
              }
              fetches.remove(jobId, mine); // a later request tries again
              deleteQuietly(directory);
              mine.completeExceptionally(failure(jobId, jobManagerAddress, error));
            });
    return mine.copy();
  }

  /** Closes the job's loader and deletes its files, if this fetcher registered them. */
  public synchronized void release(String jobId) {
    fetches.remove(jobId);
    Fetched f = fetched.remove(jobId);
    if (f == null) {
      return; // not fetched here: e.g. the embedded cluster's loader, owned by the JobManager
    }
    libraryCache.release(jobId);
    if (f.loader() != null) {
      try {
        f.loader().close();
      } catch (IOException ignored) {
        // Its jars are deleted next anyway.
      }
      deleteQuietly(f.directory());
    }
  }

  private CompletableFuture<List<Path>> download(String jobId, String address, Path directory) {
    var download = new ArtifactDownload(directory, writer);
    try {
      BlobServiceGrpc.newStub(channels.apply(address))
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .fetchJobArtifacts(
              FetchJobArtifactsRequest.newBuilder().setJobId(jobId).build(), download);
    } catch (RuntimeException e) {
      download.files.completeExceptionally(e);
    }
    return download.files;
  }

  /** Registers the job's loader, unless the job was released while its files were arriving. */
  private synchronized Void install(
      String jobId, CompletableFuture<Void> fetch, List<Path> jars, Path directory) {
    if (fetches.get(jobId) != fetch) {
      throw new IllegalStateException("the job was released while its jars were arriving");
    }
    if (jars.isEmpty()) {
      libraryCache.register(jobId, LibraryCache.class.getClassLoader());
      fetched.put(jobId, new Fetched(null, null));
      return null;
    }
    URL[] urls = jars.stream().map(JobArtifactFetcher::url).toArray(URL[]::new);
    var loader = new URLClassLoader("job-" + jobId, urls, LibraryCache.class.getClassLoader());
    fetched.put(jobId, new Fetched(loader, directory));
    libraryCache.register(jobId, loader, jars);
    return null;
  }

  private ControlPlaneException failure(String jobId, String address, Throwable error) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    Status status = Status.fromThrowable(t);
    String reason;
    if (t instanceof StatusRuntimeException || t instanceof StatusException) {
      String detail =
          status.getDescription() == null ? "" : " (" + firstLine(status.getDescription()) + ")";
      reason =
          switch (status.getCode()) {
                case DEADLINE_EXCEEDED -> "not done within " + deadline.toSeconds() + " s";
                case UNAVAILABLE -> "it is unreachable";
                default -> "it answered " + status.getCode();
              }
              + detail;
    } else {
      reason = t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }
    return new ControlPlaneException(
        "Cannot fetch the jars of job "
            + jobId
            + " from the JobManager at "
            + address
            + ": "
            + reason,
        status.getCode(),
        t);
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
  }

  /** The job id as part of a directory name (ids are generated, but arrive over the network). */
  private static String safe(String jobId) {
    return jobId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort: a leftover directory is only disk space.
    }
  }

  /** Releases every job fetched here, fails fetches still running and closes own channels. */
  @Override
  public void close() {
    fetched.keySet().forEach(this::release);
    writer.shutdownNow();
    fetches.forEach(
        (jobId, f) ->
            f.completeExceptionally(
                new IllegalStateException(
                    "Cannot fetch the jars of job "
                        + jobId
                        + ": the TaskManager is shutting down")));
    ownChannels.values().forEach(ManagedChannel::shutdownNow);
  }
}
