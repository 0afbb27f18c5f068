package io.eddy.runtime.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of each job's user code. The embedded cluster registers the loader of the thread
 * that submitted the job (the user's jar is already loaded there); a distributed cluster registers
 * a loader over the job's jar fetched from the blob store.
 */
public final class LibraryCache {
  private final Map<String, ClassLoader> loaders = new ConcurrentHashMap<>();

  public void register(String jobId, ClassLoader loader) {
    loaders.put(jobId, loader);
  }

  /** The job's loader, or Eddy's own when the job registered none. */
  public ClassLoader get(String jobId) {
    ClassLoader loader = loaders.get(jobId);
    return loader != null ? loader : LibraryCache.class.getClassLoader();
  }

  public void release(String jobId) {
    loaders.remove(jobId);
  }
}
