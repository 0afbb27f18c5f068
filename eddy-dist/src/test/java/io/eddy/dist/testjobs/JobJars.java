package io.eddy.dist.testjobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs a test job class into a job jar with a Main-Class. */
public final class JobJars {
  private JobJars() {}

  public static Path jarOf(Path dir, Class<?> mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
    Path jar = dir.resolve(mainClass.getSimpleName() + ".jar");
    String name = mainClass.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest);
        InputStream in = mainClass.getClassLoader().getResourceAsStream(name)) {
      jarOut.putNextEntry(new JarEntry(name));
      in.transferTo(jarOut);
      jarOut.closeEntry();
    }
    return jar;
  }
}
