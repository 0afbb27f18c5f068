package io.eddy.runtime.rpc.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Job jars built at test time: a class compiled from source, plus resources. */
final class TestJars {
  /** A class that exists only in the jar, never on the test classpath. */
  static final String CLASS_NAME = "blobtest.Greeter";

  static final String GREETING = "hello from the job jar";

  private static final String SOURCE =
      "package blobtest;\n"
          + "public class Greeter implements java.util.function.Supplier<String> {\n"
          + "  public String get() { return \""
          + GREETING
          + "\"; }\n"
          + "}\n";

  private TestJars() {}

  /**
   * Compiles {@link #CLASS_NAME} under {@code workDirectory} and jars it with {@code resources}.
   */
  static Path jar(Path workDirectory, String jarName, Map<String, byte[]> resources)
      throws IOException {
    Path sources = Files.createDirectories(workDirectory.resolve("src/blobtest"));
    Path classes = Files.createDirectories(workDirectory.resolve("classes"));
    Path source = Files.writeString(sources.resolve("Greeter.java"), SOURCE);
    int exit =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(exit).as("javac exit code").isZero();

    Path jar = workDirectory.resolve(jarName);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> compiled = Files.walk(classes)) {
      for (Path c : compiled.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
      for (var resource : resources.entrySet()) {
        out.putNextEntry(new JarEntry(resource.getKey()));
        out.write(resource.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  static Path jar(Path workDirectory) throws IOException {
    return jar(workDirectory, "job.jar", Map.of());
  }

  /** Calls {@code get()} of a new {@link #CLASS_NAME} loaded by {@code loader}. */
  @SuppressWarnings("unchecked")
  static String greet(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> greeter = Class.forName(CLASS_NAME, true, loader);
    return ((java.util.function.Supplier<String>) greeter.getDeclaredConstructor().newInstance())
        .get();
  }
}
