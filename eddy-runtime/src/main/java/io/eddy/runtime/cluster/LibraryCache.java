package io.eddy.runtime.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of each job's user code, and the jar files it was loaded from. The embedded
 * cluster registers the loader of the thread that submitted the job (the user's jar is already
 * loaded there); a JobManager running an uploaded jar registers that jar too, so that its blob
 * store can serve it; a TaskManager registers a loader over the jars it fetched from there.
 */
public final class LibraryCache {
  private record Entry(ClassLoader loader, List<Path> jars) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Registers {@code loader} for {@code jobId}, with no jar files. */
  public void register(String jobId, ClassLoader loader) {
    register(jobId, loader, List.of());
  }

  /** Registers {@code loader} for {@code jobId}, loaded from {@code jars}. */
  public void register(String jobId, ClassLoader loader, List<Path> jars) {
    entries.put(jobId, new Entry(loader, List.copyOf(jars)));
  }

  /** The job's loader, or Eddy's own when the job registered none. */
  public ClassLoader get(String jobId) {
    Entry entry = entries.get(jobId);
    return entry != null ? entry.loader() : LibraryCache.class.getClassLoader();
  }

  /** The job's jar files, empty if it registered none. */
  public List<Path> jars(String jobId) {
    Entry entry = entries.get(jobId);
    return entry != null ? entry.jars() : List.of();
  }

  public boolean contains(String jobId) {
    return entries.containsKey(jobId);
  }

  public void release(String jobId) {
    entries.remove(jobId);
  }
}
