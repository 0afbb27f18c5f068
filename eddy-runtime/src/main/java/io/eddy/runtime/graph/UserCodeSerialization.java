package io.eddy.runtime.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of objects that hold user code (task configs with functions). Used only for
 * the job artifact a client submits, never for data or for untrusted network input.
 */
public final class UserCodeSerialization {
  private UserCodeSerialization() {}

  public static byte[] serialize(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  /** Reads an object, resolving classes with {@code loader} first. */
  @SuppressWarnings("unchecked")
  public static <T> T deserialize(byte[] bytes, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    try (ObjectInputStream in =
        new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      return (T) in.readObject();
    }
  }

  private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall through to the default (primitives, JDK classes)
        }
      }
      return super.resolveClass(desc);
    }
  }
}
