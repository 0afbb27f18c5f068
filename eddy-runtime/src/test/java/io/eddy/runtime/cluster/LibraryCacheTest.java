package io.eddy.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryCacheTest {
  private final LibraryCache cache = new LibraryCache();
  private final ClassLoader eddys = LibraryCache.class.getClassLoader();

  @Test
  void anUnknownJobHasEddysLoaderAndNoJars() {
    assertThat(cache.contains("job-1")).isFalse();
    assertThat(cache.get("job-1")).isSameAs(eddys);
    assertThat(cache.jars("job-1")).isEmpty();
  }

  @Test
  void remembersEachJobsLoaderAndJarsUntilReleased() throws Exception {
    List<Path> jars = List.of(Path.of("blobs", "a.jar"), Path.of("blobs", "b.jar"));
    try (var loader = new URLClassLoader(new URL[0], eddys)) {
      cache.register("job-1", loader, jars);
      cache.register("job-2", eddys);

      assertThat(cache.contains("job-1")).isTrue();
      assertThat(cache.get("job-1")).isSameAs(loader);
      assertThat(cache.jars("job-1")).containsExactlyElementsOf(jars);
      assertThat(cache.contains("job-2")).isTrue();
      assertThat(cache.jars("job-2")).isEmpty();

      cache.release("job-1");
      assertThat(cache.contains("job-1")).isFalse();
      assertThat(cache.get("job-1")).isSameAs(eddys);
      assertThat(cache.jars("job-1")).isEmpty();
      assertThat(cache.contains("job-2")).isTrue();
    }
  }
}
