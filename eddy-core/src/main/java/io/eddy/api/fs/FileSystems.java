package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link FileSystem} of a location by its URI scheme. A plain path is the local file
 * system; another scheme needs the module that serves it on the class path ({@code eddy-fs-s3},
 * {@code eddy-fs-hadoop}; the distribution has both), else the error names the scheme.
 *
 * <p>File systems are configured per process: a JobManager or TaskManager passes its cluster
 * configuration to {@link #configure}; until then (an embedded job) the system properties whose
 * names start with {@code s3.} or {@code fs.} are the configuration, so {@code
 * -Ds3.endpoint=http://...} works there. Thread-safe.
 */
@PublicEvolving
public final class FileSystems {
  private static final List<String> CONFIG_PREFIXES = List.of("s3.", "fs.");
  private static final Map<String, FileSystem> CACHE = new ConcurrentHashMap<>();
  private static volatile Map<String, String> config;

  private FileSystems() {}

  /**
   * Sets the configuration the file systems of this process are made with (keys other than {@code
   * s3.*} and {@code fs.*} are ignored) and forgets the ones made before.
   */
  public static synchronized void configure(Map<String, String> configuration) {
    config = relevant(configuration);
    CACHE.clear();
  }

  private static Map<String, String> relevant(Map<String, String> configuration) {
    Map<String, String> relevant = new TreeMap<>();
    configuration.forEach(
        (k, v) -> {
          if (v != null && CONFIG_PREFIXES.stream().anyMatch(k::startsWith)) {
            relevant.put(k, v);
          }
        });
    return Map.copyOf(relevant);
  }

  /** The file system that serves {@code location}. */
  public static FileSystem get(String location) throws IOException {
    String scheme = schemeOf(location);
    String authority = scheme == null ? null : authorityOf(location);
    String key = (scheme == null ? "file" : scheme) + "://" + (authority == null ? "" : authority);
    try {
      return CACHE.computeIfAbsent(key, k -> create(scheme, authority, location));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * {@code location} with a plain relative path made absolute (another process may run in another
   * directory); URIs as they are.
   */
  public static String absolute(String location) {
    return schemeOf(location) == null
        ? java.nio.file.Path.of(location).toAbsolutePath().normalize().toString()
        : location;
  }

  /** Whether {@code location} is on the local file system (a plain path or {@code file:}). */
  public static boolean isLocal(String location) {
    String scheme = schemeOf(location);
    return scheme == null || scheme.equals("file");
  }

  /** The URI scheme of a location, or null for a plain path (a Windows drive is a path). */
  public static String schemeOf(String location) {
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    if (colon < 2 || slash >= 0 && slash < colon) {
      return null;
    }
    try {
      String scheme = URI.create(location).getScheme();
      return scheme == null ? null : scheme.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String authorityOf(String location) {
    try {
      return URI.create(location).getAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static FileSystem create(String scheme, String authority, String location) {
    String wanted = scheme == null ? "file" : scheme;
    for (FileSystemFactory factory :
        ServiceLoader.load(FileSystemFactory.class, FileSystems.class.getClassLoader())) {
      if (factory.scheme().equals(wanted)) {
        try {
          return factory.create(authority, currentConfig());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalArgumentException(
        "No file system for '"
            + wanted
            + ":' locations such as "
            + location
            + ": put the module that serves it (eddy-fs-s3 for s3:, eddy-fs-hadoop for hdfs:) on"
            + " the class path, or use a local path");
  }

  private static Map<String, String> currentConfig() {
    Map<String, String> c = config;
    if (c != null) {
      return c;
    }
    Map<String, String> fromProperties = new HashMap<>();
    System.getProperties()
        .forEach((k, v) -> fromProperties.put(String.valueOf(k), String.valueOf(v)));
    return relevant(fromProperties);
  }
}
