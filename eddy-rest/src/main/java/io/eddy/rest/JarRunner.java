package io.eddy.rest;

import io.eddy.core.execution.PipelineExecutors;
import io.eddy.core.execution.SavepointRestoreSettings;
import io.eddy.runtime.client.DispatcherExecutor;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.gateway.DispatcherGateway;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a client's job jar on the JobManager: stores it in the blob directory, loads it in a class
 * loader of its own, and runs its main method with environments that submit to this dispatcher. The
 * answer is the id of the first job the main method submits; the main method goes on in the
 * background (an attached {@code execute()} waits there for its job). When the main method has
 * returned and its jobs have ended, the class loader is closed and the jar deleted.
 */
final class JarRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JarRunner.class);

  private final DispatcherGateway dispatcher;
  private final LibraryCache libraryCache;
  private final Path blobDirectory;
  private final String defaultCheckpointDirectory;
  private final Duration timeout;
  private final ExecutorService mains =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "eddy-jar-main");
            t.setDaemon(true);
            return t;
          });

  JarRunner(
      DispatcherGateway dispatcher,
      LibraryCache libraryCache,
      Path blobDirectory,
      String defaultCheckpointDirectory,
      Duration timeout) {
    this.dispatcher = dispatcher;
    this.libraryCache = libraryCache;
    this.blobDirectory = blobDirectory;
    this.defaultCheckpointDirectory = defaultCheckpointDirectory;
    this.timeout = timeout;
  }

  /** What a client asked to run. */
  record Request(
      String entryClass,
      List<String> args,
      int parallelism,
      String savepointPath,
      boolean allowNonRestoredState) {}

  /** Stores the jar read from {@code body} and runs it; returns the first submitted job's id. */
  String run(InputStream body, Request request) throws Exception {
    if (request.parallelism() < 0) {
      throw new IllegalArgumentException(
          "Parallelism must be at least 1, but was " + request.parallelism() + ".");
    }
    Files.createDirectories(blobDirectory);
    Path jar = blobDirectory.resolve("job-" + UUID.randomUUID() + ".jar");
    Files.copy(body, jar);
    boolean started = false;
    try {
      String entryClass =
          request.entryClass() != null && !request.entryClass().isBlank()
              ? request.entryClass()
              : manifestMainClass(jar);
      URLClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, JarRunner.class.getClassLoader());
      Method main = mainMethod(loader, entryClass);
      SavepointRestoreSettings savepoint =
          request.savepointPath() == null || request.savepointPath().isBlank()
              ? SavepointRestoreSettings.NONE
              : SavepointRestoreSettings.forPath(
                  request.savepointPath(), request.allowNonRestoredState());
      CompletableFuture<String> firstJob = new CompletableFuture<>();
      Set<String> jobs = ConcurrentHashMap.newKeySet();
      DispatcherExecutor executor =
          new DispatcherExecutor(
              dispatcher,
              libraryCache,
              savepoint,
              defaultCheckpointDirectory,
              id -> {
                jobs.add(id);
                firstJob.complete(id);
              },
              List.of(jar));
      started = true;
      mains.execute(
          () ->
              runMain(main, request, loader, executor, firstJob, () -> cleanUp(jobs, loader, jar)));
      try {
        return firstJob.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "The main method of "
                + entryClass
                + " submitted no job within "
                + timeout.toSeconds()
                + " s.");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    } finally {
      if (!started) {
        Files.deleteIfExists(jar);
      }
    }
  }

  private static void runMain(
      Method main,
      Request request,
      URLClassLoader loader,
      DispatcherExecutor executor,
      CompletableFuture<String> firstJob,
      Runnable cleanUp) {
    Thread current = Thread.currentThread();
    current.setContextClassLoader(loader);
    PipelineExecutors.setThreadContext(executor, request.parallelism());
    try {
      main.invoke(null, (Object) request.args().toArray(new String[0]));
      firstJob.completeExceptionally(
          new IllegalArgumentException(
              "The main method of "
                  + main.getDeclaringClass().getName()
                  + " returned without submitting a job."));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (!firstJob.completeExceptionally(
          new IllegalArgumentException(
              "The main method of "
                  + main.getDeclaringClass().getName()
                  + " failed: "
                  + firstLine(cause),
              cause))) {
        LOG.info(
            "The main method of {} ended: {}",
            main.getDeclaringClass().getName(),
            firstLine(cause));
      }
    } catch (Throwable t) {
      firstJob.completeExceptionally(t);
    } finally {
      PipelineExecutors.clearThreadContext();
      current.setContextClassLoader(JarRunner.class.getClassLoader());
      cleanUp.run();
    }
  }

  private void cleanUp(Set<String> jobs, URLClassLoader loader, Path jar) {
    CompletableFuture<?>[] ends =
        jobs.stream()
            .map(id -> dispatcher.requestJobResult(id).handle((r, e) -> null))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(ends)
        .whenComplete(
            (ok, e) -> {
              try {
                loader.close();
                Files.deleteIfExists(jar);
              } catch (IOException io) {
                LOG.warn("Could not remove job jar {}: {}", jar, io.toString());
              }
            });
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return m.lines().findFirst().orElse(m);
  }

  private static Method mainMethod(ClassLoader loader, String className) {
    Class<?> mainClass;
    try {
      mainClass = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "Main class " + className + " was not found in the job jar.");
    }
    try {
      Method m = mainClass.getMethod("main", String[].class);
      if (!Modifier.isStatic(m.getModifiers())) {
        throw new IllegalArgumentException("The main method of " + className + " must be static.");
      }
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "Class " + className + " has no 'public static void main(String[])'.");
    }
  }

  private static String manifestMainClass(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String main =
          file.getManifest() == null
              ? null
              : file.getManifest().getMainAttributes().getValue("Main-Class");
      if (main == null) {
        throw new IllegalArgumentException(
            "The job jar names no Main-Class in its manifest: pass the entry class.");
      }
      return main;
    } catch (ZipException e) {
      throw new IllegalArgumentException("The uploaded file is not a jar: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    mains.shutdownNow();
  }
}
