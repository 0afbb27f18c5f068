package io.eddy.runtime.ha;

import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.UserCodeSerialization;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bulky half of the HA state, in {@code high-availability.storageDir/<cluster-id>}: each stored
 * job's graph and jars in a directory of its own ({@code jobs/<job-id>-<n>/}); the coordination
 * service keeps only the directory's location. The only class that writes there, so that the
 * storage directory can move onto another file system in one place. A job directory is written
 * completely before its location is published, and never changed after.
 */
public final class HaStorage {
  private static final String GRAPH_FILE = "jobgraph.bin";

  private final Path root;

  /**
   * @param storageDir {@code high-availability.storageDir}: a local path or {@code file:} URI
   * @param clusterId the cluster's subdirectory
   */
  public HaStorage(String storageDir, String clusterId) {
    if (storageDir == null || storageDir.isBlank()) {
      throw new IllegalArgumentException(
          "high-availability.storageDir must be set: the JobManagers keep job graphs and jars"
              + " there.");
    }
    Path dir =
        storageDir.startsWith("file:")
            ? Path.of(java.net.URI.create(storageDir))
            : Path.of(storageDir);
    this.root = dir.toAbsolutePath().resolve(clusterId);
  }

  /** Writes a job's graph and copies its jars; returns the location of its new directory. */
  public String storeJob(JobGraph jobGraph, List<Path> jars) throws IOException {
    Path jobs = Files.createDirectories(root.resolve("jobs"));
    Path dir = Files.createTempDirectory(jobs, jobGraph.jobId() + "-");
    for (int i = 0; i < jars.size(); i++) {
      Files.copy(
          jars.get(i), dir.resolve("jar-" + i + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path tmp = dir.resolve(GRAPH_FILE + ".tmp");
    Files.write(tmp, UserCodeSerialization.serialize(jobGraph));
    Files.move(tmp, dir.resolve(GRAPH_FILE), StandardCopyOption.ATOMIC_MOVE);
    return dir.toString();
  }

  /**
   * Reads a job stored at {@code location}; its classes load from its jars, then {@code parent}.
   */
  public JobGraphStore.StoredJob readJob(String location, ClassLoader parent) throws IOException {
    Path dir = Path.of(location);
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      urls.add(jar.toUri().toURL());
    }
    ClassLoader loader =
        jars.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
    try {
      JobGraph graph =
          UserCodeSerialization.deserialize(Files.readAllBytes(dir.resolve(GRAPH_FILE)), loader);
      return new JobGraphStore.StoredJob(graph, loader, List.copyOf(jars));
    } catch (ClassNotFoundException e) {
      throw new IOException(
          "The job stored at " + location + " needs a missing class: " + e.getMessage(), e);
    }
  }

  /** Deletes a job's directory. */
  public void deleteJob(String location) throws IOException {
    Path dir = Path.of(location);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The cluster's directory, for messages. */
  public String location() {
    return root.toString();
  }
}
