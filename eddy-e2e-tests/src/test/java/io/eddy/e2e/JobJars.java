package io.eddy.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a test job into a job jar at test time: the main class and every class nested in it (its
 * functions), with the main class in the manifest. The JobManager and TaskManagers run from {@code
 * eddy-dist/target} only, so they know the job's classes from this jar alone.
 */
final class JobJars {
  private JobJars() {}

  static Path jarOf(Path dir, Class<?> mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
    Path classFile = classFile(mainClass);
    String prefix = mainClass.getSimpleName();
    List<Path> classes;
    try (Stream<Path> siblings = Files.list(classFile.getParent())) {
      classes =
          siblings
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.equals(prefix + ".class")
                        || (name.startsWith(prefix + "$") && name.endsWith(".class"));
                  })
              .sorted()
              .toList();
    }
    String packagePath = mainClass.getPackageName().replace('.', '/') + "/";
    Path jar = dir.resolve(mainClass.getSimpleName() + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      for (Path c : classes) {
        jarOut.putNextEntry(new JarEntry(packagePath + c.getFileName()));
        Files.copy(c, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  private static Path classFile(Class<?> c) throws IOException {
    try {
      return Path.of(c.getResource(c.getSimpleName() + ".class").toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("The class file of " + c.getName() + " is not a plain file", e);
    }
  }
}
