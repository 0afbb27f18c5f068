package io.eddy.runtime.ha;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.WriteMode;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.UserCodeSerialization;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bulky half of the HA state, in {@code high-availability.storageDir/<cluster-id>} on any file
 * system ({@code hdfs://}, {@code s3://}, a path shared by the JobManagers of one machine): each
 * stored job's graph and jars in a directory of its own ({@code jobs/<job-id>-<uuid>/}); the
 * coordination service keeps only the directory's location. The only class that writes there. A job
 * directory is written completely — its graph last, the mark that it is whole, as an object store
 * has no rename — before its location is published, and never changed after.
 */
public final class HaStorage {
  private static final String GRAPH_FILE = "jobgraph.bin";

  private final String root;
  private final FileSystem fs;

  /**
   * @param storageDir {@code high-availability.storageDir}: a path or a URI of a file system the
   *     cluster has
   * @param clusterId the cluster's subdirectory
   */
  public HaStorage(String storageDir, String clusterId) {
    if (storageDir == null || storageDir.isBlank()) {
      throw new IllegalArgumentException(
          "high-availability.storageDir must be set: the JobManagers keep job graphs and jars"
              + " there.");
    }
    this.root = FileSystem.child(FileSystems.absolute(storageDir.strip()), clusterId);
    try {
      this.fs = FileSystems.get(root);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "high-availability.storageDir " + storageDir + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Writes a job's graph and copies its jars; returns the location of its new directory. */
  public String storeJob(JobGraph jobGraph, List<Path> jars) throws IOException {
    String dir = FileSystem.child(root, "jobs/" + jobGraph.jobId() + "-" + UUID.randomUUID());
    fs.mkdirs(dir);
    for (int i = 0; i < jars.size(); i++) {
      try (InputStream in = Files.newInputStream(jars.get(i));
          OutputStream out =
              fs.create(FileSystem.child(dir, "jar-" + i + ".jar"), WriteMode.NO_OVERWRITE)) {
        in.transferTo(out);
      }
    }
    // the graph last: a directory without it is an unfinished store, never published
    try (OutputStream out = fs.create(FileSystem.child(dir, GRAPH_FILE), WriteMode.NO_OVERWRITE)) {
      out.write(UserCodeSerialization.serialize(jobGraph));
    }
    return dir;
  }

  /**
   * Reads a job stored at {@code location}; its classes load from its jars (fetched to a local
   * temporary directory when the store is remote), then {@code parent}.
   */
  public JobGraphStore.StoredJob readJob(String location, ClassLoader parent) throws IOException {
    List<Path> jars = new ArrayList<>();
    Path fetched = null;
    for (FileStatus file : fs.list(location)) {
      if (!file.name().endsWith(".jar")) {
        continue;
      }
      if (FileSystems.isLocal(file.path())) {
        jars.add(localPath(file.path()));
      } else {
        if (fetched == null) {
          fetched = Files.createTempDirectory("eddy-ha-job-");
        }
        Path jar = fetched.resolve(file.name());
        try (InputStream in = fs.open(file.path())) {
          Files.copy(in, jar);
        }
        jars.add(jar);
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      urls.add(jar.toUri().toURL());
    }
    ClassLoader loader =
        jars.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
    byte[] graph;
    try (InputStream in = fs.open(FileSystem.child(location, GRAPH_FILE))) {
      graph = in.readAllBytes();
    } catch (FileNotFoundException e) {
      throw new IOException("No job graph is stored at " + location, e);
    }
    try {
      return new JobGraphStore.StoredJob(
          UserCodeSerialization.deserialize(graph, loader), loader, List.copyOf(jars));
    } catch (ClassNotFoundException e) {
      throw new IOException(
          "The job stored at " + location + " needs a missing class: " + e.getMessage(), e);
    }
  }

  private static Path localPath(String location) {
    return location.regionMatches(true, 0, "file:", 0, 5)
        ? Path.of(URI.create(location))
        : Path.of(location);
  }

  /** Deletes a job's directory. */
  public void deleteJob(String location) throws IOException {
    fs.delete(location, true);
  }

  /** The cluster's directory, for messages. */
  public String location() {
    return root;
  }
}
