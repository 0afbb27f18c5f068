package io.eddy.runtime.rpc.grpc;

import static io.eddy.runtime.rpc.grpc.GrpcTaskExecutorServiceTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingJobMasterGateway;
import io.eddy.runtime.rpc.grpc.RecordingGateways.TestingTaskExecutorGateway;
import io.eddy.runtime.rpc.proto.ArtifactChunk;
import io.eddy.runtime.rpc.proto.BlobServiceGrpc;
import io.eddy.runtime.rpc.proto.FetchJobArtifactsRequest;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A TaskManager fetches a job's jars from the JobManager's blob service over gRPC (on loopback TCP
 * unless a test says otherwise) and loads the job's classes from them.
 */
class JobArtifactFetcherTest {
  private static final String ADDRESS = "127.0.0.1:0";

  @TempDir Path temp;

  private final LibraryCache jobManagerCache = new LibraryCache();
  private final LibraryCache taskManagerCache = new LibraryCache();
  private final AtomicInteger fetchCalls = new AtomicInteger();
  private Server jobManager;
  private String target;
  private Path workDirectory;
  private JobArtifactFetcher fetcher;

  @BeforeEach
  void startJobManager() {
    jobManager =
        ControlPlaneChannels.start(ADDRESS, List.of(counted(new GrpcBlobService(jobManagerCache))));
    target = ControlPlaneChannels.target(jobManager, ADDRESS);
    workDirectory = temp.resolve("tm-work");
    fetcher = new JobArtifactFetcher(taskManagerCache, workDirectory);
  }

  @AfterEach
  void stop() throws InterruptedException {
    fetcher.close();
    jobManager.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void fetchesVerifiesAndLoadsTheJobsJar() throws Exception {
    Path jar = TestJars.jar(temp.resolve("client"));
    jobManagerCache.register("job-1", getClass().getClassLoader(), List.of(jar));

    get(fetcher.prepare("job-1", target));

    ClassLoader loader = taskManagerCache.get("job-1");
    assertThat(TestJars.greet(loader)).isEqualTo(TestJars.GREETING);
    assertThat(loader.getParent()).isSameAs(LibraryCache.class.getClassLoader());
    assertThatThrownBy(() -> Class.forName(TestJars.CLASS_NAME))
        .isInstanceOf(ClassNotFoundException.class);
    List<Path> fetched = taskManagerCache.jars("job-1");
    assertThat(fetched).hasSize(1);
    assertThat(fetched.get(0)).startsWith(workDirectory);
    assertThat(Files.mismatch(fetched.get(0), jar)).isEqualTo(-1L);

    get(fetcher.prepare("job-1", target));
    assertThat(fetchCalls).hasValue(1);
  }

  @Test
  void concurrentRequestsForOneJobShareOneFetch() throws Exception {
    jobManagerCache.register(
        "job-1", getClass().getClassLoader(), List.of(TestJars.jar(temp.resolve("client"))));
    int callers = 8;
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<CompletableFuture<Void>>> prepared = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        prepared.add(
            CompletableFuture.supplyAsync(
                () -> {
                  awaitUninterruptibly(start);
                  return fetcher.prepare("job-1", target);
                },
                threads));
      }
      start.countDown();
      for (var p : prepared) {
        get(get(p));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(fetchCalls).hasValue(1);
    assertThat(TestJars.greet(taskManagerCache.get("job-1"))).isEqualTo(TestJars.GREETING);
    try (Stream<Path> jobDirectories = Files.list(workDirectory)) {
      assertThat(jobDirectories).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLargeJarArrivesIntact(Transport transport) throws Exception {
    byte[] random = new byte[1_500_000];
    new Random(42).nextBytes(random);
    Path jar = TestJars.jar(temp.resolve("client"), "big.jar", Map.of("data/random.bin", random));
    assertThat(Files.size(jar)).isGreaterThan(5L * GrpcBlobService.CHUNK_SIZE);
    jobManagerCache.register("job-1", getClass().getClassLoader(), List.of(jar));
    String address = transport.freshAddress();
    Server server =
        ControlPlaneChannels.start(address, List.of(new GrpcBlobService(jobManagerCache)));
    try {
      get(fetcher.prepare("job-1", ControlPlaneChannels.target(server, address)));
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    Path fetched = taskManagerCache.jars("job-1").get(0);
    assertThat(Files.mismatch(fetched, jar)).isEqualTo(-1L);
    try (InputStream in = taskManagerCache.get("job-1").getResourceAsStream("data/random.bin")) {
      assertThat(in.readAllBytes()).isEqualTo(random);
    }
  }

  @Test
  void everyJarOfAJobArrivesInOrderEvenWithTheSameName() throws Exception {
    Path first = TestJars.jar(temp.resolve("a"), "lib.jar", Map.of("which", new byte[] {1}));
    Path second = TestJars.jar(temp.resolve("b"), "lib.jar", Map.of("which", new byte[] {2}));
    jobManagerCache.register("job-1", getClass().getClassLoader(), List.of(first, second));

    get(fetcher.prepare("job-1", target));

    List<Path> fetched = taskManagerCache.jars("job-1");
    assertThat(fetched).hasSize(2);
    assertThat(Files.mismatch(fetched.get(0), first)).isEqualTo(-1L);
    assertThat(Files.mismatch(fetched.get(1), second)).isEqualTo(-1L);
    try (InputStream in = taskManagerCache.get("job-1").getResourceAsStream("which")) {
      assertThat(in.readAllBytes()).containsExactly(1);
    }
  }

  @Test
  void anUnknownJobFailsWithOneLineNamingTheJobAndTheJobManager() throws Exception {
    CompletableFuture<Void> prepared = fetcher.prepare("no-such-job", target);

    assertThatThrownBy(() -> get(prepared))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ControlPlaneException.class)
        .satisfies(
            e -> {
              assertThat(((ControlPlaneException) e).getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getMessage())
                  .doesNotContain("\n")
                  .startsWith(
                      "Cannot fetch the jars of job no-such-job from the JobManager at " + target)
                  .contains("NOT_FOUND");
            });
    assertThat(taskManagerCache.contains("no-such-job")).isFalse();

    // A failure is not remembered: once the JobManager knows the job, a new request fetches it.
    jobManagerCache.register(
        "no-such-job", getClass().getClassLoader(), List.of(TestJars.jar(temp.resolve("c"))));
    get(fetcher.prepare("no-such-job", target));
    assertThat(fetchCalls).hasValue(2);
  }

  @Test
  void anUnreachableJobManagerFailsWithOneLine() throws Exception {
    jobManager.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

    assertThatThrownBy(() -> get(fetcher.prepare("job-1", target)))
        .cause()
        .isInstanceOf(ControlPlaneException.class)
        .satisfies(
            e -> {
              assertThat(((ControlPlaneException) e).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
              assertThat(e.getMessage())
                  .doesNotContain("\n")
                  .startsWith(
                      "Cannot fetch the jars of job job-1 from the JobManager at "
                          + target
                          + ": it is unreachable");
            });
  }

  /** What a JobManager that sends a bad file makes the fetcher say. */
  static Stream<Arguments> badFiles() {
    ByteString abc = ByteString.copyFromUtf8("abc");
    ArtifactChunk good =
        ArtifactChunk.newBuilder()
            .setFileName("a.jar")
            .setData(abc)
            .setLast(true)
            .setLength(3)
            .setSha256(ByteString.copyFrom(ArtifactUpload.sha256().digest(abc.toByteArray())))
            .build();
    return Stream.of(
        Arguments.of(
            "wrong digest",
            good.toBuilder().setData(ByteString.copyFromUtf8("abd")).build(),
            "0-a.jar arrived corrupt: 3 bytes with SHA-256 "),
        Arguments.of(
            "wrong length", good.toBuilder().setLength(4).build(), "0-a.jar arrived corrupt"),
        Arguments.of(
            "unsafe name",
            good.toBuilder().setFileName("../evil.jar").build(),
            "refused file name '../evil.jar'"),
        Arguments.of(
            "no last chunk",
            good.toBuilder().setLast(false).build(),
            "the stream ended inside 0-a.jar"),
        Arguments.of(
            "no file name", good.toBuilder().clearFileName().build(), "a chunk names no file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileIsRefusedAndRemoved(String what, ArtifactChunk chunk, String reason)
      throws Exception {
    var badJobManager =
        new BlobServiceGrpc.BlobServiceImplBase() {
          @Override
          public void fetchJobArtifacts(
              FetchJobArtifactsRequest request, StreamObserver<ArtifactChunk> observer) {
            observer.onNext(chunk);
            observer.onCompleted();
          }
        };
    Server server = ControlPlaneChannels.start(ADDRESS, List.of(badJobManager));
    try {
      String badTarget = ControlPlaneChannels.target(server, ADDRESS);
      assertThatThrownBy(() -> get(fetcher.prepare("job-1", badTarget)))
          .cause()
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageStartingWith(
              "Cannot fetch the jars of job job-1 from the JobManager at "
                  + badTarget
                  + ": "
                  + reason)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(taskManagerCache.contains("job-1")).isFalse();
      if (Files.exists(workDirectory)) {
        try (Stream<Path> left = Files.list(workDirectory)) {
          assertThat(left).isEmpty();
        }
      }
      assertThat(temp.resolve("evil.jar")).doesNotExist();
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aJobWithoutJarsGetsEddysOwnLoader() throws Exception {
    jobManagerCache.register("job-1", getClass().getClassLoader());

    get(fetcher.prepare("job-1", target));

    assertThat(taskManagerCache.contains("job-1")).isTrue();
    assertThat(taskManagerCache.get("job-1")).isSameAs(LibraryCache.class.getClassLoader());
    assertThat(taskManagerCache.jars("job-1")).isEmpty();
    assertThat(workDirectory).doesNotExist();

    fetcher.release("job-1");
    assertThat(taskManagerCache.contains("job-1")).isFalse();
  }

  @Test
  void aJobAlreadyInTheCacheIsNotFetched() throws Exception {
    ClassLoader shared = getClass().getClassLoader();
    taskManagerCache.register("job-1", shared); // as in the embedded cluster

    get(fetcher.prepare("job-1", target));
    fetcher.release("job-1"); // not fetched here: stays

    assertThat(fetchCalls).hasValue(0);
    assertThat(taskManagerCache.get("job-1")).isSameAs(shared);
  }

  @Test
  void releaseClosesTheLoaderAndDeletesTheJobsDirectory() throws Exception {
    jobManagerCache.register(
        "job-1", getClass().getClassLoader(), List.of(TestJars.jar(temp.resolve("client"))));
    get(fetcher.prepare("job-1", target));
    var loader = (URLClassLoader) taskManagerCache.get("job-1");
    Path directory = taskManagerCache.jars("job-1").get(0).getParent();
    assertThat(directory).isDirectory();

    fetcher.release("job-1");

    assertThat(directory).doesNotExist();
    assertThat(taskManagerCache.contains("job-1")).isFalse();
    assertThat(loader.getResource(TestJars.CLASS_NAME.replace('.', '/') + ".class")).isNull();

    // Released means gone: the next request fetches again.
    get(fetcher.prepare("job-1", target));
    assertThat(fetchCalls).hasValue(2);
    assertThat(TestJars.greet(taskManagerCache.get("job-1"))).isEqualTo(TestJars.GREETING);
  }

  @Test
  void aSubmittedTaskRunsOnceItsJobsJarsAreHere() throws Exception {
    jobManagerCache.register(
        "job-1", getClass().getClassLoader(), List.of(TestJars.jar(temp.resolve("client"))));
    var taskExecutor = new TestingTaskExecutorGateway();
    var service =
        new GrpcTaskExecutorService(
            taskExecutor, (address, jobId) -> new TestingJobMasterGateway(), fetcher);
    try (var taskManager = new Transport.Endpoint(Transport.NETTY_LOOPBACK, List.of(service))) {
      var client =
          new GrpcTaskExecutorClient(
              taskManager.channel,
              taskManager.target,
              "tm-host:6121",
              Duration.ofSeconds(20),
              jobMaster -> target);

      get(client.submitTask(ControlPlaneCodecTest.fullDescriptor(), new TestingJobMasterGateway()));

      assertThat(taskExecutor.last().method()).isEqualTo("submitTask");
      assertThat(TestJars.greet(taskManagerCache.get("job-1"))).isEqualTo(TestJars.GREETING);
    }
  }

  /** {@code service} counting the calls that reach it. */
  private BindableService counted(BindableService service) {
    ServerInterceptor counter =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            fetchCalls.incrementAndGet();
            return next.startCall(call, headers);
          }
        };
    return () -> ServerInterceptors.intercept(service, counter);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
