package io.eddy.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs test classes into a job jar. */
public final class TestJars {
  private TestJars() {}

  public static Path jarOf(Path dir, Class<?> mainClass, Class<?>... others) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
    Path jar = dir.resolve(mainClass.getSimpleName() + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      add(jarOut, mainClass);
      for (Class<?> c : others) {
        add(jarOut, c);
      }
    }
    return jar;
  }

  private static void add(JarOutputStream jar, Class<?> c) throws IOException {
    String name = c.getName().replace('.', '/') + ".class";
    jar.putNextEntry(new JarEntry(name));
    try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
      in.transferTo(jar);
    }
    jar.closeEntry();
  }
}
